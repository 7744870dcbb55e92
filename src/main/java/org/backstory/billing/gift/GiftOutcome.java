package org.backstory.billing.gift;

/** How a {@link GiftService#purchase gift purchase} ended. */
public sealed interface GiftOutcome {

	/** Paid: the recipient has been mailed the redeem link and the buyer a receipt. */
	record Purchased(long giftId, String recipientEmail) implements GiftOutcome {
	}

	/**
	 * The card was declined; nothing was bought. {@code message} is a sentence for the
	 * buyer.
	 */
	record Declined(String message) implements GiftOutcome {
	}

	/** No active plan has that code. */
	record PlanUnavailable() implements GiftOutcome {
	}

	/**
	 * The gateway did not answer, so whether the charge went through is unknown.
	 * Submitting the same attempt again finds out without charging twice.
	 */
	record NotConfirmed() implements GiftOutcome {
	}

}
