package org.backstory.billing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.backstory.billing.Money;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.renewal.UpcomingCharge;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;

/**
 * The plan part of the account page.
 *
 * @param name the plan's name, or {@code Complimentary access} for a comp
 * @param price e.g. {@code $5.00 / month}; null for a comp or a gift
 * @param status e.g. {@code Active}, {@code Past due}, {@code Gift}
 * @param when what the date means and the date, e.g.
 * {@code Next charge on 29 December 2026}; null if there is nothing to say
 * @param nextCharge what the next charge comes to, e.g.
 * {@code $4.50 ($5.00 less $0.50 credit)}; null when nothing more will be charged
 * @param credit credit the member has, taken off the next charges, e.g. {@code $2.50};
 * null when none
 * @param pastDue the last charge failed: the page asks for a new card
 * @param changeable the member may move to another plan or interval
 * @param cancelable the member may cancel
 * @param resumable the member canceled and may take it back
 * @param invoiced a group licence paid by invoice: no card is charged, the invoices are
 * on the group's page
 */
public record AccountPlan(String name, @Nullable String price, String status, @Nullable String when,
		@Nullable String nextCharge, @Nullable String credit, boolean pastDue, boolean changeable, boolean cancelable,
		boolean resumable, boolean invoiced) {

	AccountPlan(String name, @Nullable String price, String status, @Nullable String when, @Nullable String nextCharge,
			@Nullable String credit, boolean pastDue, boolean changeable, boolean cancelable, boolean resumable) {
		this(name, price, status, when, nextCharge, credit, pastDue, changeable, cancelable, resumable, false);
	}

	/**
	 * The member's plan, or null when they are a free member (never subscribed, or it
	 * ended).
	 * @param upcoming the next charge, if one will be made
	 */
	static @Nullable AccountPlan of(SubscriptionSummary subscription, @Nullable UpcomingCharge upcoming, Instant now) {
		Instant end = subscription.currentPeriodEnd();
		if (subscription.comped() && subscription.status() == SubscriptionStatus.ACTIVE) {
			return new AccountPlan("Complimentary access", null, "Active",
					end == null ? "No end date" : "Access through " + Dates.readerLastDay(end), null, null, false,
					false, false, false);
		}
		String name = subscription.planName() == null ? subscription.tier() : subscription.planName();
		if (subscription.gift() && subscription.status() == SubscriptionStatus.ACTIVE) {
			return new AccountPlan(name, null, "Gift", on("Access until", end) + ". A gift does not renew.", null, null,
					false, false, false, false);
		}
		String price = subscription.currency() == null || subscription.interval() == null ? null
				: Money.format(subscription.price(), subscription.currency()) + " / " + subscription.interval().code();
		if (subscription.invoiced()) {
			return invoiced(subscription, name, price, end, now);
		}
		String amount = upcoming == null ? null : amount(upcoming);
		String credit = upcoming == null || upcoming.creditBalance() == 0 ? null
				: Money.format(upcoming.creditBalance(), upcoming.currency());
		return switch (subscription.status()) {
			case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> null;
			case TRIALING -> new AccountPlan(name, price, "Free trial", on("First charge on", end), amount, credit,
					false, true, true, false);
			case ACTIVE -> new AccountPlan(name, price, "Active", on("Next charge on", end), amount, credit, false,
					true, true, false);
			case PAST_DUE ->
				new AccountPlan(name, price, "Past due", on("Paid until", end), null, null, true, false, true, false);
			case CANCELED -> new AccountPlan(name, price, "Canceled", on("Ends on", end), null, null, false, false,
					false, end != null && now.isBefore(end));
		};
	}

	/**
	 * A licence paid by invoice: its dates are invoices, not charges, and an overdue one
	 * is paid by bank, not by a new card.
	 */
	private static @Nullable AccountPlan invoiced(SubscriptionSummary subscription, String name, @Nullable String price,
			@Nullable Instant end, Instant now) {
		return switch (subscription.status()) {
			case INCOMPLETE, INCOMPLETE_EXPIRED, EXPIRED -> null;
			case TRIALING, ACTIVE -> new AccountPlan(name, price, "Active, paid by invoice", on("Next invoice on", end),
					null, null, false, false, true, false, true);
			case PAST_DUE -> new AccountPlan(name, price, "Invoice overdue", on("Paid until", end), null, null, false,
					false, true, false, true);
			case CANCELED -> new AccountPlan(name, price, "Canceled", on("Ends on", end), null, null, false, false,
					false, end != null && now.isBefore(end), true);
		};
	}

	/**
	 * e.g. {@code $4.50 ($5.00 less $0.50 credit)}, or just {@code $5.00} when nothing
	 * comes off.
	 */
	static String amount(UpcomingCharge charge) {
		List<String> off = new ArrayList<>();
		if (charge.discount() > 0) {
			off.add(Money.format(charge.discount(), charge.currency()) + " discount");
		}
		if (charge.credit() > 0) {
			off.add(Money.format(charge.credit(), charge.currency()) + " credit");
		}
		String amount = Money.format(charge.amount(), charge.currency());
		String list = Money.format(charge.list(), charge.currency());
		return off.isEmpty() ? amount : amount + " (" + list + " less " + String.join(" and ", off) + ")";
	}

	private static @Nullable String on(String label, @Nullable Instant date) {
		return date == null ? null : label + " " + Pages.date(date);
	}

}
