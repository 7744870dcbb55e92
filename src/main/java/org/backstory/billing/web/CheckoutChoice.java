package org.backstory.billing.web;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.members.SignedInMember;
import org.jspecify.annotations.Nullable;

/**
 * What a member at checkout is buying and what travels with the form from one request to
 * the next.
 *
 * @param next where to go after paying, as the request gave it (checked when used)
 * @param coupon the code in the coupon field
 * @param articleId the article the member was on when they chose to subscribe, or null
 * @param offer the code of the offer the member came from (its terms replace the coupon
 * field), or null
 * @param seats for a group plan, the seats bought (at least the included ones); null for
 * any other plan
 */
record CheckoutChoice(SignedInMember member, Plan plan, BillingInterval interval, @Nullable String next,
		TypedCoupon coupon, @Nullable Long articleId, @Nullable String offer, @Nullable Integer seats) {
}
