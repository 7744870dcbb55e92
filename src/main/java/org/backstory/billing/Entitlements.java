package org.backstory.billing;

/** Answers what a member's subscription entitles them to. The access module's only question to billing. */
public interface Entitlements {

	/** The member's current entitlement; {@link Entitlement#none()} when they never subscribed. */
	Entitlement of(long memberId);

}
