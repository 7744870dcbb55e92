package org.backstory.billing.checkout;

import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.payment.Discount;
import org.jspecify.annotations.Nullable;

/**
 * A coupon as staff defined it, with how often it has been redeemed.
 *
 * @param id row id
 * @param code what readers type; unique regardless of case
 * @param name shown to staff and, with the code, to readers
 * @param percentOff percent taken off, or null for an amount
 * @param amountOff minor units taken off, or null for a percentage
 * @param currency the currency of {@code amountOff}; null for a percentage
 * @param duration how long the discount lasts
 * @param durationMonths the months of a {@link CouponDuration#REPEATING} coupon, else
 * null
 * @param redeemBy the last moment it can be redeemed, or null
 * @param maxRedemptions how many times it can be redeemed in all, or null for no limit
 * @param timesRedeemed how many times it has been, counting checkouts whose first charge
 * is under way
 * @param planCode the only plan it can be used with, or null for any plan
 * @param active false once staff deactivated it
 */
public record Coupon(long id, String code, String name, @Nullable Integer percentOff, @Nullable Long amountOff,
		@Nullable String currency, CouponDuration duration, @Nullable Integer durationMonths,
		@Nullable Instant redeemBy, @Nullable Integer maxRedemptions, int timesRedeemed, @Nullable String planCode,
		boolean active) {

	/** Why this coupon cannot be used now for a charge of {@code plan}, if it cannot. */
	Optional<CouponRefusal> refusal(Plan plan, Instant now) {
		if (!active) {
			return Optional.of(CouponRefusal.DEACTIVATED);
		}
		if (redeemBy != null && !now.isBefore(redeemBy)) {
			return Optional.of(CouponRefusal.EXPIRED);
		}
		if (maxRedemptions != null && timesRedeemed >= maxRedemptions) {
			return Optional.of(CouponRefusal.USED_UP);
		}
		if ((planCode != null && !planCode.equals(plan.code()))
				|| (currency != null && !currency.equals(plan.currency()))) {
			return Optional.of(CouponRefusal.NOT_FOR_PLAN);
		}
		return Optional.empty();
	}

	/**
	 * The terms to copy onto a subscription whose first paid period starts at
	 * {@code firstPaidPeriodStart}.
	 */
	Discount discountFrom(Instant firstPaidPeriodStart, BillingInterval interval) {
		return new Discount(percentOff, amountOff,
				duration.discountEnd(firstPaidPeriodStart, interval, durationMonths));
	}

}
