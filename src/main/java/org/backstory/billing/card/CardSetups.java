package org.backstory.billing.card;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Card setups on the gateway's own page, started for a checkout, a gift or to replace the
 * card on file. Each is recorded when started, so only the member who started one can
 * finish it, and each is finished once: by the member's return or by the gateway's
 * notification, whichever comes first. A setup finished after a newer one of the same
 * member does not count, so a late notification never brings back an older card.
 */
@Component
public class CardSetups {

	private static final Logger log = LoggerFactory.getLogger(CardSetups.class);

	private final CardSetupRepository setups;

	private final PaymentGateway gateway;

	private final Clock clock;

	CardSetups(CardSetupRepository setups, PaymentGateway gateway, Clock clock) {
		this.setups = setups;
		this.gateway = gateway;
		this.clock = clock;
	}

	/** What a setup is for: what happens once the card is in. */
	public enum Purpose {

		/**
		 * The first payment of a checkout; the card goes on file only if that charge
		 * succeeds.
		 */
		CHECKOUT,

		/** Replacing the card on file. */
		CARD,

		/** Paying for a gift; the buyer's card is never filed. */
		GIFT;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Purpose fromCode(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

	}

	/** A setup as recorded when it started. */
	record Setup(String id, long memberId, Purpose purpose, boolean finished) {
	}

	/**
	 * Starts a setup on the gateway's page, for the member's existing gateway customer if
	 * they have one.
	 * @return where to send the member, or empty if the gateway did not answer
	 */
	public Optional<String> start(long memberId, String email, Purpose purpose, String returnUrl, String cancelUrl) {
		PaymentGateway.HostedCardSetup setup;
		try {
			setup = gateway.startCardSetup(new PaymentGateway.CardSetup(memberId, email,
					setups.customerOf(memberId, gateway.name()), returnUrl, cancelUrl));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Card setup not started memberId={} reason={}", memberId, ex.getMessage());
			return Optional.empty();
		}
		setups.insert(setup.setupId(), memberId, gateway.name(), setup.customerId(), purpose, clock.instant());
		log.info("Card setup started memberId={} purpose={}", memberId, purpose.code());
		return Optional.of(setup.url());
	}

	Optional<Setup> find(String setupId) {
		return setups.find(setupId);
	}

	/**
	 * The card the member entered in their setup. A setup that is not theirs is declined
	 * without asking the gateway; asking again about one gives the same card.
	 * @throws PaymentGatewayException if the gateway did not answer
	 */
	public PaymentGateway.CardAttachment read(long memberId, String setupId) {
		if (find(setupId).filter(setup -> setup.memberId() == memberId).isEmpty()) {
			log.warn("Card setup not found for member memberId={}", memberId);
			return new PaymentGateway.CardAttachment.Declined("setup_not_found",
					"We couldn't find the card you entered. Please add your card again.");
		}
		return gateway.finishCardSetup(setupId, memberId);
	}

	/**
	 * Whether the setup's card is yet to be filed: not finished before, and no newer
	 * setup of the member was.
	 */
	boolean isCurrent(String setupId) {
		return setups.isCurrent(setupId);
	}

	/** Records the setup as finished; false if it already was. */
	public boolean markFinished(String setupId) {
		return setups.markFinished(setupId, clock.instant());
	}

	public void deleteAllOf(long memberId) {
		setups.deleteAllOf(memberId);
	}

}
