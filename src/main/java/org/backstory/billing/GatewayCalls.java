package org.backstory.billing;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gateway calls of checkout and gift purchases, made outside any transaction. A call that gets no
 * answer (timeout, gateway down) is logged and comes back empty: the outcome is unknown, and asking again
 * with the same idempotency key finds it out without charging twice.
 */
@Component
class GatewayCalls {

	private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);

	private final PaymentGateway gateway;

	GatewayCalls(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	/** The gateway's name, stored with every card and payment. */
	String gatewayName() {
		return gateway.name();
	}

	Optional<PaymentGateway.CardAttachment> attach(PaymentGateway.AttachCard request) {
		try {
			return Optional.of(gateway.attachCard(request));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Card not confirmed memberId={} reason={}", request.memberId(), ex.getMessage());
			return Optional.empty();
		}
	}

	/** Charges a pending attempt, or asks again about it. */
	Optional<PaymentGateway.ChargeResult> charge(PaymentAttempt attempt) {
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
