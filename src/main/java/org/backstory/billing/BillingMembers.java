package org.backstory.billing;

import java.util.Set;

/**
 * The members a billing filter admits, as ids: the members in {@code ids}, or (when
 * {@code allBut}) every member except those. Whichever set is the smaller one billing
 * knows, so "free" is every member but the few with a live subscription.
 */
public record BillingMembers(boolean allBut, Set<Long> ids) {

	public BillingMembers {
		ids = Set.copyOf(ids);
	}

}
