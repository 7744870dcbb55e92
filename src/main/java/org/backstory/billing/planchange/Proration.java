package org.backstory.billing.planchange;

import java.time.Instant;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.Discount;
import org.backstory.billing.subscription.SubscriptionChanges;

/**
 * What moving a paid period to another price is worth at a moment in it. The new price is
 * charged for a span ({@code list} less {@code discount}); the unused part of what the
 * current period is worth comes off it. The shares are pro rata to the second and rounded
 * down, so neither side is charged for a part of a cent it did not use.
 *
 * @param list the new price's list price for the span
 * @param discount the subscription's discount on that
 * @param unused what the rest of the current period is worth (its price less the
 * discount, pro rata)
 * @param periodStart start of the period the subscription is in after the change
 * @param periodEnd end of that period: the next renewal
 */
record Proration(long list, long discount, long unused, Instant periodStart, Instant periodEnd) {

	/**
	 * Another price of the same interval: the period stays; the new price is charged, and
	 * the old one credited, for what is left of it.
	 */
	static Proration sameInterval(long currentPrice, long newPrice, Discount discount, Instant periodStart,
			Instant periodEnd, Instant at) {
		long newList = share(newPrice, periodStart, periodEnd, at);
		long newCost = share(discount.apply(newPrice, periodStart).due(), periodStart, periodEnd, at);
		return new Proration(newList, newList - newCost, unused(currentPrice, discount, periodStart, periodEnd, at),
				periodStart, periodEnd);
	}

	/**
	 * Another interval: a new period of it starts at {@code at} and costs the new price
	 * in full; what is left of the current period is credited.
	 */
	static Proration newInterval(long currentPrice, long newPrice, BillingInterval newInterval, Discount discount,
			Instant periodStart, Instant periodEnd, Instant at) {
		ChargeAmount full = discount.apply(newPrice, at);
		return new Proration(full.list(), full.discount(), unused(currentPrice, discount, periodStart, periodEnd, at),
				at, newInterval.periodEnd(at));
	}

	/** What the new price costs for the span, discount taken off. */
	long cost() {
		return list - discount;
	}

	/**
	 * Cost less the unused credit: owed by the member when positive, owed to them when
	 * negative.
	 */
	long net() {
		return cost() - unused;
	}

	/** What the member's credit balance pays of what is owed. */
	long balanceUsed(long creditBalance) {
		return Math.max(Math.min(creditBalance, net()), 0);
	}

	/**
	 * The charge to make now: the cost, less the unused credit and as much of the balance
	 * as it takes.
	 */
	ChargeAmount charge(long creditBalance) {
		return new ChargeAmount(list, discount, Math.min(unused, cost()) + balanceUsed(creditBalance));
	}

	/**
	 * Credit left over for the member's balance, when the unused part is worth more than
	 * the cost.
	 */
	long creditAdded() {
		return Math.max(-net(), 0);
	}

	private static long unused(long currentPrice, Discount discount, Instant periodStart, Instant periodEnd,
			Instant at) {
		return share(discount.apply(currentPrice, periodStart).due(), periodStart, periodEnd, at);
	}

	private static long share(long amount, Instant periodStart, Instant periodEnd, Instant at) {
		return SubscriptionChanges.unusedShare(amount, periodStart, periodEnd, at);
	}

}
