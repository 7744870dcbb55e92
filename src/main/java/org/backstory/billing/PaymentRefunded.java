package org.backstory.billing;

import java.time.Instant;

/**
 * Money was given back on a payment, confirmed by the gateway. Published synchronously
 * inside the transaction that recorded the refund as made, once per refund.
 *
 * @param refundId the refund's id
 * @param paymentId the payment it gives money back on
 * @param amount how much, in minor units
 * @param currency ISO 4217
 * @param at when it was recorded
 */
public record PaymentRefunded(long refundId, long paymentId, long amount, String currency, Instant at) {
}
