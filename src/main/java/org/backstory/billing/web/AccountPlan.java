package org.backstory.billing.web;

import org.backstory.billing.Money;
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
		Instant end = subscription.currentPeriodEnd();
		if (subscription.comped() && subscription.status() == SubscriptionStatus.ACTIVE) {
			return new AccountPlan("Complimentary access", null, "Active",
					end == null ? "No end date" : on("Access until", end), false);
		}
		String name = subscription.planName() == null ? subscription.tier() : subscription.planName();
		String price = subscription.currency() == null || subscription.interval() == null ? null
				: Money.format(subscription.price(), subscription.currency()) + " / " + subscription.interval().code();
		return switch (subscription.status()) {
			case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> null;
			case TRIALING -> new AccountPlan(name, price, "Trial", on("First charge on", end), false);
			case ACTIVE -> new AccountPlan(name, price, "Active", on("Next charge on", end), false);
			case PAST_DUE -> new AccountPlan(name, price, "Past due", on("Paid until", end), true);
			case CANCELED -> new AccountPlan(name, price, "Canceled", on("Access until", end), false);
		};
	}

	private static @Nullable String on(String label, @Nullable Instant date) {
		return date == null ? null : label + " " + Pages.date(date);
	}

}
