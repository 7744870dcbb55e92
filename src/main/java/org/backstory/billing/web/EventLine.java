package org.backstory.billing.web;

import org.backstory.billing.Money;
import org.backstory.billing.SubscriptionEventEntry;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;

/**
 * One event of a member's subscriptions, for staff.
 *
 * @param at e.g. {@code 29 Nov 2026 14:05 UTC}
 * @param change e.g. {@code active → canceled}
 * @param cause e.g. {@code canceled by member}
 * @param actor e.g. {@code member:42}
 * @param amount e.g. {@code $5.00}; null when no payment was involved
 */
public record EventLine(String at, String change, String cause, String actor, @Nullable String amount) {

	static EventLine of(SubscriptionEventEntry event) {
		String to = event.to().replace('_', ' ');
		return new EventLine(Dates.staffTime(event.at()),
				event.from() == null ? to : event.from().replace('_', ' ') + " → " + to,
				event.cause().replace('_', ' '), event.actor(), event.amount() == null || event.currency() == null
						? null : Money.format(event.amount(), event.currency()));
	}

}
