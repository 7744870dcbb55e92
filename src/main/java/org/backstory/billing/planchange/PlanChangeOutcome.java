package org.backstory.billing.planchange;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.subscription.SubscriptionChangeRefused;

/**
 * How a confirmed plan change went. Changes the subscription's state does not allow are
 * refused with a {@link SubscriptionChangeRefused} instead.
 */
public sealed interface PlanChangeOutcome {

	/**
	 * The subscription is on the new plan.
	 *
	 * @param charged what was charged for the difference (zero when nothing was due)
	 * @param creditAdded credit left over, taken off the next charges
	 */
	record Changed(String planName, BillingInterval interval, long charged, long creditAdded,
			String currency) implements PlanChangeOutcome {
	}

	/** The charge for the difference was declined; nothing changed. */
	record Declined(String message) implements PlanChangeOutcome {
	}

	/**
	 * The subscription changed in another way while the charge went through (it was
	 * canceled, or renewed), so the change was not made; what was charged is credit
	 * towards the next charges.
	 */
	record Superseded(long credited, String currency) implements PlanChangeOutcome {
	}

	/** Another payment for the subscription is being processed. */
	record InProgress() implements PlanChangeOutcome {
	}

	/**
	 * The payment service gave no answer. Confirming the same change again asks it again
	 * and cannot charge twice.
	 */
	record NotConfirmed() implements PlanChangeOutcome {
	}

}
