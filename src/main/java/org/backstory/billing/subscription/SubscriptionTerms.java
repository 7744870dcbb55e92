package org.backstory.billing.subscription;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.Discount;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's money terms: what it costs, the discount and credit that come off, and
 * the period it is in. Plan changes are priced from these, and so is the next charge the
 * account page announces.
 *
 * @param renews false for a subscription that ends at its period end by design (a gift)
 * @param creditBalance owed to the member, taken off the next charges
 * @param seats a group subscription's seats, the manager's own included; null for one
 * reader's
 */
public record SubscriptionTerms(long id, long memberId, @Nullable Long planId, SubscriptionStatus status,
		boolean comped, boolean renews, @Nullable BillingInterval interval, @Nullable Long price,
		@Nullable String currency, Instant periodStart, @Nullable Instant periodEnd, long creditBalance,
		Discount discount, @Nullable Integer seats) {

	/**
	 * Whether it is charged again at its period end: a running paid subscription that
	 * renews.
	 */
	public boolean chargesAgain() {
		return !comped && renews && price != null && periodEnd != null
				&& (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.TRIALING);
	}

	/**
	 * The charge at the period end: list price, less the discount for that period, less
	 * credit.
	 */
	public ChargeAmount nextCharge() {
		if (price == null || periodEnd == null) {
			throw new IllegalStateException("subscription " + id + " has no next charge");
		}
		return discount.apply(price, periodEnd).withCredit(creditBalance);
	}

}
