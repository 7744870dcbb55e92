package org.backstory.billing.payment;

import org.jspecify.annotations.Nullable;

/**
 * One refund of a charge as the gateway reports it.
 *
 * @param refundId the gateway's reference
 * @param amount in minor units
 * @param idempotencyKey the key we asked for it with, if we did (Stripe: the refund's
 * metadata)
 * @param reason the gateway's reason code, if any
 */
public record GatewayRefund(String refundId, long amount, @Nullable String idempotencyKey, @Nullable String reason) {
}
