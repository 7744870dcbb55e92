package org.backstory.billing;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The card a member pays with: what is on file, and replacing it. */
@Service
public class CardService {

	private static final Logger log = LoggerFactory.getLogger(CardService.class);

	private final CardRepository cards;

	private final PaymentGateway gateway;

	private final RenewalRun renewals;

	private final Clock clock;

	CardService(CardRepository cards, PaymentGateway gateway, RenewalRun renewals, Clock clock) {
		this.cards = cards;
		this.gateway = gateway;
		this.renewals = renewals;
		this.clock = clock;
	}

	/** The member's card on file, if any. */
	public Optional<CardOnFile> cardOnFile(long memberId) {
		return cards.find(memberId).map(StoredCard::onFile);
	}

	/**
	 * Hands the card to the gateway and, if it accepts it, puts it on file in place of the old one, and
	 * retries a past-due renewal with it at once, so access comes back as soon as the charge goes through.
	 * The gateway is called outside any transaction: it may be a slow remote service.
	 */
	public CardChange replaceCard(long memberId, String email, CardDetails card) {
		String customerId = cards.find(memberId).map(StoredCard::customerId).orElse(null);
		PaymentGateway.CardAttachment attachment;
		try {
			attachment = gateway.attachCard(new PaymentGateway.AttachCard(memberId, email, customerId, card));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Card replacement not confirmed memberId={} reason={}", memberId, ex.getMessage());
			return new CardChange.NotConfirmed();
		}
		if (attachment instanceof PaymentGateway.CardAttachment.Declined declined) {
			log.info("Card replacement declined memberId={} code={}", memberId, declined.code());
			return new CardChange.Declined(declined.message());
		}
		StoredCard stored = ((PaymentGateway.CardAttachment.Attached) attachment).card();
		cards.save(memberId, gateway.name(), stored, clock.instant());
		log.info("Card replaced memberId={}", memberId);
		renewals.retryNow(memberId);
		return new CardChange.Replaced(stored.onFile());
	}

}
