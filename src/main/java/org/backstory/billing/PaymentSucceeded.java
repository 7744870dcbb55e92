package org.backstory.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A charge succeeded (checkout, renewal, plan change or gift), or staff marked an invoice
 * paid. Published synchronously inside the transaction that recorded it, once per
 * payment.
 *
 * @param paymentId the payment's id
 * @param memberId who paid, null for a gift bought without an account
 * @param subscriptionId the subscription it pays for, if any
 * @param purpose {@code checkout}, {@code renewal}, {@code plan_change}, {@code gift} or
 * {@code invoice} (a group licence's invoice marked paid by staff) {@code seats}
 * @param amount what was charged, in minor units
 * @param currency ISO 4217
 * @param at when it was recorded
 */
public record PaymentSucceeded(long paymentId, @Nullable Long memberId, @Nullable Long subscriptionId, String purpose,
		long amount, String currency, Instant at) {
}
