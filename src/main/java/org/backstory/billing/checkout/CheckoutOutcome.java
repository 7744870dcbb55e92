package org.backstory.billing.checkout;

import java.time.Instant;

/** How a {@link CheckoutService#checkout checkout} ended. */
public sealed interface CheckoutOutcome {

	/** Paid: the subscription is active and the card is on file. */
	record Subscribed(long subscriptionId) implements CheckoutOutcome {
	}

	/**
	 * A free trial started: the card is on file and nothing was charged; the first charge
	 * is due at {@code trialEnd}.
	 */
	record TrialStarted(long subscriptionId, Instant trialEnd) implements CheckoutOutcome {
	}

	/**
	 * The coupon code cannot be used; nothing was charged or started. {@code message} is
	 * for the member.
	 */
	record CouponRefused(String message) implements CheckoutOutcome {
	}

	/**
	 * The card was declined; nothing was created. {@code message} is a sentence for the
	 * member.
	 */
	record Declined(String message) implements CheckoutOutcome {
	}

	/** The member already has a subscription; nothing was charged. */
	record AlreadySubscribed() implements CheckoutOutcome {
	}

	/** No active plan has that code. */
	record PlanUnavailable() implements CheckoutOutcome {
	}

	/**
	 * Another checkout of this member is being paid right now; nothing was charged by
	 * this one.
	 */
	record InProgress() implements CheckoutOutcome {
	}

	/**
	 * The gateway did not answer, so whether the charge went through is unknown.
	 * Submitting the same attempt again finds out without charging twice.
	 */
	record NotConfirmed() implements CheckoutOutcome {
	}

}
