package org.backstory.billing.card;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.backstory.billing.RenewalProperties;
import org.backstory.billing.card.CardRepository.ExpiringCard;
import org.backstory.billing.payment.BillingMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells members whose card on file runs out before long, while a renewal still depends on
 * it. Runs daily; each card's notice is keyed by the card, so it is mailed once however
 * often this runs.
 */
@Component
public class CardExpiryNotices {

	private static final Logger log = LoggerFactory.getLogger(CardExpiryNotices.class);

	private final CardRepository cards;

	private final BillingMails mails;

	private final RenewalProperties properties;

	private final Clock clock;

	CardExpiryNotices(CardRepository cards, BillingMails mails, RenewalProperties properties, Clock clock) {
		this.cards = cards;
		this.mails = mails;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Mails every member whose card expires within the notice period and who has a
	 * renewing subscription.
	 */
	@Transactional
	public int sendDue() {
		Instant now = clock.instant();
		List<ExpiringCard> expiring = cards.expiringBetween(now, now.plus(properties.cardExpiryNotice()));
		expiring.forEach(card -> mails.cardExpiring(card.memberId(), card.card()));
		if (!expiring.isEmpty()) {
			log.info("Card expiry notices queued count={}", expiring.size());
		}
		return expiring.size();
	}

}
