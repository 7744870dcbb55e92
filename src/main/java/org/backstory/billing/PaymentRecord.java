package org.backstory.billing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A payment as billing history and receipts show it.
 *
 * @param invoiceNumber set once the payment succeeded
 * @param periodStart start of the subscription period it paid for, if any
 */
public record PaymentRecord(long id, String purpose, String status, long amount, long listAmount, long discount,
		long creditApplied, long refundedAmount, String currency, @Nullable Long invoiceNumber,
		@Nullable String cardBrand, @Nullable String cardLast4, @Nullable String failureReason,
		@Nullable Instant periodStart, @Nullable Instant periodEnd, Instant createdAt, @Nullable Instant settledAt) {

	/** Whether money was taken: a receipt exists for it. */
	public boolean succeeded() {
		return "succeeded".equals(status);
	}

	/**
	 * What can still be refunded through the gateway: nothing of an invoice paid by bank
	 * transfer, which no gateway charged (staff pay that back by bank).
	 */
	public long refundable() {
		return succeeded() && !"invoice".equals(purpose) ? amount - refundedAmount : 0;
	}

}
