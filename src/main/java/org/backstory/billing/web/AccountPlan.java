package org.backstory.billing.web;

import java.time.Instant;

import org.backstory.billing.Discount;
import org.backstory.billing.Money;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.jspecify.annotations.Nullable;

/**
 * The plan part of the account page.
 *
 * @param name the plan's name, or {@code Complimentary access} for a comp
 * @param price e.g. {@code $5.00 / month}; null for a comp
 * @param status e.g. {@code Active}, {@code Past due}
 * @param when what the date means and the date, e.g. {@code Next charge on 29 December 2026}; null if
 * there is nothing to say
 * @param pastDue the last charge failed: the page asks for a new card
 * @param discount the coupon discount on the next charge, e.g. {@code 20% off: your next charge is $4.00};
 * null when there is none
 */
public record AccountPlan(String name, @Nullable String price, String status, @Nullable String when,
		boolean pastDue, @Nullable String discount) {

	/** The member's plan, or null when they are a free member (never subscribed, or it ended). */
	static @Nullable AccountPlan of(SubscriptionSummary subscription) {
		Instant end = subscription.currentPeriodEnd();
		if (subscription.comped() && subscription.status() == SubscriptionStatus.ACTIVE) {
			return new AccountPlan("Complimentary access", null, "Active",
					end == null ? "No end date" : on("Access until", end), false, null);
		}
		String name = subscription.planName() == null ? subscription.tier() : subscription.planName();
		if (subscription.gift() && subscription.status() == SubscriptionStatus.ACTIVE) {
			return new AccountPlan(name, null, "Gift", on("Access until", end) + ". A gift does not renew.", false, null);
		}
		String price = subscription.currency() == null || subscription.interval() == null ? null
				: Money.format(subscription.price(), subscription.currency()) + " / " + subscription.interval().code();
		String discount = nextDiscount(subscription);
		return switch (subscription.status()) {
			case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> null;
			case TRIALING -> new AccountPlan(name, price, "Trial", on("First charge on", end), false, discount);
			case ACTIVE -> new AccountPlan(name, price, "Active", on("Next charge on", end), false, discount);
			case PAST_DUE -> new AccountPlan(name, price, "Past due", on("Paid until", end), true, discount);
			case CANCELED -> new AccountPlan(name, price, "Canceled", on("Access until", end), false, null);
		};
	}

	/** The coupon's discount if the next period (starting at the current period's end) still gets it. */
	private static @Nullable String nextDiscount(SubscriptionSummary subscription) {
		Discount discount = subscription.discount();
		Instant next = subscription.currentPeriodEnd();
		String currency = subscription.currency();
		if (next == null || currency == null || !discount.appliesTo(next)) {
			return null;
		}
		long due = subscription.price() - discount.off(subscription.price());
		return OfferTexts.discount(discount, currency) + " with your coupon: the next charge is "
				+ Money.format(due, currency) + ".";
	}

	private static @Nullable String on(String label, @Nullable Instant date) {
		return date == null ? null : label + " " + Pages.date(date);
	}

}
