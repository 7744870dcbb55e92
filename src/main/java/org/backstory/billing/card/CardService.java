package org.backstory.billing.card;

import java.time.Clock;
import java.util.Optional;

import org.backstory.billing.payment.CardDetails;
import org.backstory.billing.payment.CardOnFile;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.StoredCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The card a member pays with: what is on file, and replacing it, on our form or on the
 * gateway's page ({@link #cardEntry()}).
 */
@Service
public class CardService {

	private static final Logger log = LoggerFactory.getLogger(CardService.class);

	private final CardRepository cards;

	private final PaymentGateway gateway;

	private final CardSetups setups;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CardService(CardRepository cards, PaymentGateway gateway, CardSetups setups, ApplicationEventPublisher events,
			Clock clock) {
		this.cards = cards;
		this.gateway = gateway;
		this.setups = setups;
		this.events = events;
		this.clock = clock;
	}

	/** Where members enter their card: on our form, or on the gateway's page. */
	public PaymentGateway.CardEntry cardEntry() {
		return gateway.cardEntry();
	}

	/** The member's card on file, if any. */
	public Optional<CardOnFile> cardOnFile(long memberId) {
		return cards.find(memberId).map(StoredCard::onFile);
	}

	/**
	 * Hands the card to the gateway and, if it accepts it, puts it on file in place of
	 * the old one (and publishes {@link CardReplaced}, on which a past-due renewal is
	 * retried at once). The gateway is called outside any transaction: it may be a slow
	 * remote service.
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
		return fileCard(memberId, ((PaymentGateway.CardAttachment.Attached) attachment).card());
	}

	/**
	 * Starts replacing the card on the gateway's page, when the gateway takes cards
	 * there.
	 * @param returnUrl absolute URL of the page that calls {@link #finishCardSetup}
	 * @param cancelUrl absolute URL to come back to if the member gives up
	 * @return where to send the member, or empty if the gateway did not answer
	 */
	public Optional<String> startCardSetup(long memberId, String email, String returnUrl, String cancelUrl) {
		return setups.start(memberId, email, CardSetups.Purpose.CARD, returnUrl, cancelUrl);
	}

	/**
	 * Puts the card the member entered on the gateway's page on file. Finishing the same
	 * setup again (a reload, or the gateway's notification after the member's return)
	 * changes nothing, and neither does a setup finished after a newer one.
	 */
	public CardChange finishCardSetup(long memberId, String setupId) {
		PaymentGateway.CardAttachment attachment;
		try {
			attachment = setups.read(memberId, setupId);
		}
		catch (PaymentGatewayException ex) {
			log.warn("Card setup not confirmed memberId={} reason={}", memberId, ex.getMessage());
			return new CardChange.NotConfirmed();
		}
		if (attachment instanceof PaymentGateway.CardAttachment.Declined declined) {
			log.info("Card setup declined memberId={} code={}", memberId, declined.code());
			return new CardChange.Declined(declined.message());
		}
		StoredCard card = ((PaymentGateway.CardAttachment.Attached) attachment).card();
		if (!setups.isCurrent(setupId)) {
			return new CardChange.Replaced(cardOnFile(memberId).orElse(card.onFile()));
		}
		CardChange filed = fileCard(memberId, card);
		setups.markFinished(setupId);
		return filed;
	}

	/**
	 * Puts a card the gateway already holds on file in place of the old one. Every new
	 * card reaches the file through here, whichever way the member entered it.
	 */
	public CardChange fileCard(long memberId, StoredCard card) {
		cards.save(memberId, gateway.name(), card, clock.instant());
		log.info("Card replaced memberId={}", memberId);
		events.publishEvent(new CardReplaced(memberId));
		return new CardChange.Replaced(card.onFile());
	}

}
