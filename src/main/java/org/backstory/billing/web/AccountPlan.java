package org.backstory.billing.web;

import java.time.Instant;

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
 */
public record AccountPlan(String name, @Nullable String price, String status, @Nullable String when,
		boolean pastDue) {

	/** The member's plan, or null when they are a free member (never subscribed, or it ended). */
	static @Nullable AccountPlan of(SubscriptionSummary subscription) {
		switch (subscription.status()) {
			case EXPIRED, INCOMPLETE, INCOMPLETE_EXPIRED:
				return null;
			default:
				break;
		}
		if (subscription.comped()) {
			return new AccountPlan("Complimentary access", null, "Active",
					subscription.currentPeriodEnd() == null ? "No end date" : on("Access until", subscription.currentPeriodEnd()),
					false);
		}
		String name = subscription.planName() == null ? subscription.tier() : subscription.planName();
		String price = subscription.currency() == null || subscription.interval() == null ? null
				: Prices.format(subscription.price(), subscription.currency()) + " / " + subscription.interval().code();
		Instant end = subscription.currentPeriodEnd();
		return switch (subscription.status()) {
			case TRIALING -> new AccountPlan(name, price, "Trial", on("First charge on", end), false);
			case PAST_DUE -> new AccountPlan(name, price, "Past due", on("Paid until", end), true);
			case CANCELED -> new AccountPlan(name, price, "Canceled", on("Access until", end), false);
			default -> new AccountPlan(name, price, "Active", on("Next charge on", end), false);
		};
	}

	private static @Nullable String on(String label, @Nullable Instant date) {
		return date == null ? null : label + " " + Pages.date(date);
	}

}
