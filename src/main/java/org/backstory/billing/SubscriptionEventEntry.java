package org.backstory.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a subscription's event log, as staff read it.
 *
 * @param from the status before, or null when the subscription began
 * @param to the status after
 * @param cause what happened, e.g. {@code renewed}, {@code plan_changed}
 * @param actor who or what caused it: {@code member:<id>}, {@code staff:<id>},
 * {@code renewal-run}, ...
 * @param amount what a payment involved in it came to, if any
 * @param currency the amount's currency
 */
public record SubscriptionEventEntry(long subscriptionId, Instant at, @Nullable String from, String to, String cause,
		String actor, @Nullable Long amount, @Nullable String currency) {
}
