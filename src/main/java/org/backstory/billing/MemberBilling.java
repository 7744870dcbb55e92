package org.backstory.billing;

import org.jspecify.annotations.Nullable;

/**
 * A member's billing in a line of the member list or export.
 *
 * @param status their standing
 * @param planCode the plan of their live paid subscription, or null
 * @param planName that plan's name, or null
 * @param tier the tier their live subscription or comp grants, or null for a free member
 */
public record MemberBilling(BillingStatus status, @Nullable String planCode, @Nullable String planName,
		@Nullable String tier) {

	public static MemberBilling free() {
		return new MemberBilling(BillingStatus.FREE, null, null, null);
	}

}
