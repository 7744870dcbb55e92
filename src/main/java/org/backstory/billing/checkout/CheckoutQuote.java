package org.backstory.billing.checkout;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.jspecify.annotations.Nullable;

/**
 * What checking out a plan would cost a member, for the checkout page: shown before the
 * card is asked for, and worked out again by the checkout itself.
 *
 * @param plan the plan
 * @param interval monthly or yearly
 * @param trialEnd when the free trial would end, or null when the member gets none (the
 * plan has no trial, or the member had one before)
 * @param coupon the coupon that applies, or null
 * @param couponRefusal why the typed coupon code cannot be used, or null
 * @param firstCharge the first charge in minor units (at the end of the trial, if there
 * is one), after the coupon's discount
 * @param trialDays the free days of the trial when there is one (the plan's, or a trial
 * offer's), else 0
 * @param offer the offer the checkout came from, or null
 */
public record CheckoutQuote(Plan plan, BillingInterval interval, @Nullable Instant trialEnd, @Nullable Coupon coupon,
		@Nullable CouponRefusal couponRefusal, long firstCharge, int trialDays, @Nullable Offer offer) {

	/** The price of a period without discount. */
	public long price() {
		return plan.price(interval);
	}

}
