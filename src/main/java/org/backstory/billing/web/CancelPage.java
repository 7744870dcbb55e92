package org.backstory.billing.web;

import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;

/**
 * What cancelling a subscription the member may cancel would mean.
 *
 * @param planName the plan canceled
 * @param consequence e.g.
 * {@code You keep access until 29 December 2026 and won't be charged again.}
 */
public record CancelPage(String planName, String consequence) {

	/**
	 * Whether the member may cancel it here: a running paid subscription (comps are
	 * staff's to end).
	 */
	static boolean cancelable(SubscriptionSummary subscription) {
		SubscriptionStatus status = subscription.status();
		return !subscription.comped() && (status == SubscriptionStatus.TRIALING || status == SubscriptionStatus.ACTIVE
				|| status == SubscriptionStatus.PAST_DUE);
	}

	static CancelPage of(SubscriptionSummary subscription) {
		String name = subscription.planName() == null ? subscription.tier() : subscription.planName();
		if (subscription.status() == SubscriptionStatus.PAST_DUE || subscription.currentPeriodEnd() == null) {
			return new CancelPage(name, "Your last payment didn't go through, so your subscription ends now and we "
					+ "won't try your card again.");
		}
		String until = Pages.date(subscription.currentPeriodEnd());
		return new CancelPage(name, subscription.status() == SubscriptionStatus.TRIALING
				? "Your free trial continues until " + until + ", and you won't be charged."
				: "You keep access until " + until + ", and you won't be charged again. You can resume until then.");
	}

}
