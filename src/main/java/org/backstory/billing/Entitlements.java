package org.backstory.billing;

import java.util.Collection;
import java.util.Map;

/**
 * Answers what a member's subscription entitles them to. The access module's only
 * question to billing.
 */
public interface Entitlements {

	/**
	 * The member's current entitlement; {@link Entitlement#none()} when they never
	 * subscribed.
	 */
	Entitlement of(long memberId);

	/**
	 * The current entitlements of many members in one query, for bulk work such as a
	 * newsletter send; every id is a key, {@link Entitlement#none()} for those who never
	 * subscribed. Not cached.
	 */
	Map<Long, Entitlement> ofAll(Collection<Long> memberIds);

}
