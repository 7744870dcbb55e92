package org.backstory.billing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a deleted member's billing data: the card on file and subscriptions go, payments stay for the
 * books without the member or the card. The subscription event log holds neither, so revenue history
 * is unchanged. Called when the members module reports a deletion; running it twice is harmless.
 */
@Component
class MemberBillingErasure {

	private static final Logger log = LoggerFactory.getLogger(MemberBillingErasure.class);

	private final CardRepository cards;

	private final SubscriptionRepository subscriptions;

	private final PaymentRepository payments;

	MemberBillingErasure(CardRepository cards, SubscriptionRepository subscriptions, PaymentRepository payments) {
		this.cards = cards;
		this.subscriptions = subscriptions;
		this.payments = payments;
	}

	@Transactional
	void erase(long memberId) {
		cards.delete(memberId);
		subscriptions.deleteAllOf(memberId);
		payments.anonymise(memberId);
		log.info("Billing data erased memberId={}", memberId);
	}

}
