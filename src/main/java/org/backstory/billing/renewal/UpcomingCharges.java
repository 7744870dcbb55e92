package org.backstory.billing.renewal;

import java.util.Objects;
import java.util.Optional;

import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.subscription.SubscriptionTerms;
import org.backstory.billing.subscription.SubscriptionTermsRepository;
import org.springframework.stereotype.Service;

/** What a member will be charged next, with their discount and credit taken off. */
@Service
public class UpcomingCharges {

	private final SubscriptionTermsRepository terms;

	UpcomingCharges(SubscriptionTermsRepository terms) {
		this.terms = terms;
	}

	/**
	 * The member's next charge; empty when nothing more will be charged (no subscription,
	 * a comp or a gift, canceled, or past due: then the retry of the failed charge comes
	 * first).
	 */
	public Optional<UpcomingCharge> next(long memberId) {
		return terms.liveTerms(memberId).filter(SubscriptionTerms::chargesAgain).map(subscription -> {
			ChargeAmount charge = subscription.nextCharge();
			return new UpcomingCharge(Objects.requireNonNull(subscription.periodEnd()), charge.list(),
					charge.discount(), charge.credit(), charge.due(), subscription.creditBalance(),
					Objects.requireNonNull(subscription.currency()));
		});
	}

}
