package org.backstory.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A subscription started, fell past due or was canceled. Published synchronously inside
 * the transaction that logged the change, with the subscription as it now stands, so a
 * listener's writes commit or roll back with it. Imports do not announce themselves (as
 * in Ghost, whose webhooks do not fire during imports).
 *
 * @param subscriptionId the subscription's id
 * @param memberId the subscriber
 * @param change what happened
 * @param status the status it now has ({@code trialing}, {@code active},
 * {@code past_due}, {@code canceled} ...)
 * @param tier the tier it gives access to
 * @param kind {@code paid}, {@code comp} or {@code gift}
 * @param interval {@code month} or {@code year} for a paid subscription, else null
 * @param amount the price per interval in minor units, null for a comp
 * @param currency ISO 4217, null for a comp
 * @param currentPeriodEnd when the paid-for (or granted) period ends, null when
 * open-ended
 * @param at when it happened
 */
public record SubscriptionChanged(long subscriptionId, long memberId, Change change, String status, String tier,
		String kind, @Nullable String interval, @Nullable Long amount, @Nullable String currency,
		@Nullable Instant currentPeriodEnd, Instant at) {

	/** The changes worth announcing. */
	public enum Change {

		/** Checkout's first payment or trial, a comp granted, a gift redeemed. */
		STARTED,
		/** A renewal charge was declined; access continues through the grace period. */
		PAST_DUE,
		/**
		 * Canceled by the member (access runs to the period end), by staff, or after the
		 * last failed retry.
		 */
		CANCELED

	}

}
