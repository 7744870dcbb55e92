package org.backstory.billing.payment;

/** How a refund went. */
public sealed interface RefundOutcome {

	/** The money went back. */
	record Refunded(long refundId, long amount, String currency) implements RefundOutcome {
	}

	/** Nothing was refunded; {@code reason} says why, for staff. */
	record Refused(String reason) implements RefundOutcome {
	}

	/**
	 * The gateway gave no answer. The refund stays pending and is asked about again (with
	 * the same key) until it does; nothing is refunded twice.
	 */
	record NotConfirmed() implements RefundOutcome {
	}

}
