package org.backstory.billing.checkout;

import java.util.Optional;

import org.backstory.billing.card.CardSetups;
import org.backstory.billing.payment.CardDetails;
import org.backstory.billing.payment.CheckoutCard;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gateway calls of checkout and gift purchases, made outside any transaction. A call
 * that gets no answer (timeout, gateway down) is logged and comes back empty: the outcome
 * is unknown, and asking again with the same idempotency key finds it out without
 * charging twice.
 */
@Component
public class GatewayCalls {

	private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);

	private final PaymentGateway gateway;

	private final CardSetups setups;

	GatewayCalls(PaymentGateway gateway, CardSetups setups) {
		this.gateway = gateway;
		this.setups = setups;
	}

	/** The gateway's name, stored with every card and payment. */
	public String gatewayName() {
		return gateway.name();
	}

	/**
	 * The card a payment is made with: typed into our form (attached now), or entered on
	 * the gateway's page in one of the member's setups (finished by this call; the card
	 * is not filed here).
	 */
	public Optional<PaymentGateway.CardAttachment> card(long memberId, String email, CheckoutCard card) {
		try {
			if (card instanceof CheckoutCard.FromSetup setup) {
				PaymentGateway.CardAttachment attachment = setups.read(memberId, setup.setupId());
				if (attachment instanceof PaymentGateway.CardAttachment.Attached) {
					setups.markFinished(setup.setupId());
				}
				return Optional.of(attachment);
			}
			return Optional
				.of(gateway.attachCard(new PaymentGateway.AttachCard(memberId, email, null, (CardDetails) card)));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Card not confirmed memberId={} reason={}", memberId, ex.getMessage());
			return Optional.empty();
		}
	}

	/** Charges a pending attempt, or asks again about it. */
	public Optional<PaymentGateway.ChargeResult> charge(PaymentAttempt attempt) {
		try {
			return Optional.of(gateway.charge(attempt.charge()));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Charge not confirmed paymentId={} purpose={} reason={}", attempt.id(), attempt.purpose().code(),
					ex.getMessage());
			return Optional.empty();
		}
	}

}
