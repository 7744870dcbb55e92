package org.backstory.billing.payment;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges the member's bank held for them to authenticate (3-D Secure), as their
 * confirmation page uses them: what the browser needs to authenticate one, and settling
 * it once the gateway says the money moved. The gateway's own notification (a webhook)
 * may settle it first; {@link PaymentSettlement} records whichever comes first, once.
 */
@Component
public class HeldPayments {

	private static final Logger log = LoggerFactory.getLogger(HeldPayments.class);

	private final PaymentRepository payments;

	private final PaymentGateway gateway;

	private final PaymentSettlement settlement;

	HeldPayments(PaymentRepository payments, PaymentGateway gateway, PaymentSettlement settlement) {
		this.payments = payments;
		this.gateway = gateway;
		this.settlement = settlement;
	}

	/**
	 * The member's payment {@code paymentId}, if their bank ever held it; empty for
	 * anyone else's and for payments that never needed authenticating.
	 */
	public Optional<PaymentRepository.HeldPayment> find(long paymentId, long memberId) {
		return payments.held(paymentId, memberId);
	}

	/** What the member's browser needs to authenticate a payment still waiting. */
	public PaymentGateway.Authentication authentication(PaymentRepository.HeldPayment payment) {
		if (!payment.waiting() || payment.cardToken() == null) {
			return new PaymentGateway.Authentication.Unavailable();
		}
		return gateway.authentication(payment.chargeId(), payment.cardToken());
	}

	/**
	 * The member confirmed the payment on our own page (gateways that authenticate
	 * there); then as {@link #check}.
	 */
	public boolean confirmOnOurPage(PaymentRepository.HeldPayment payment) {
		if (!payment.waiting()) {
			return check(payment);
		}
		try {
			gateway.completeAuthentication(payment.chargeId());
		}
		catch (UnsupportedOperationException ex) {
			// Authenticated with the gateway itself, never on the member's word.
			return false;
		}
		return check(payment);
	}

	/**
	 * Asks the gateway how a waiting payment stands and settles it if the money moved
	 * (the member came back from authenticating it).
	 * @return whether it is paid now
	 * @throws PaymentGatewayException if the gateway did not answer or is still working
	 * on it
	 */
	public boolean check(PaymentRepository.HeldPayment payment) {
		if (!payment.waiting()) {
			return payment.status() == PaymentStatus.SUCCEEDED;
		}
		PaymentGateway.ChargeResult now = gateway.chargeNow(payment.chargeId());
		if (!(now instanceof PaymentGateway.ChargeResult.Succeeded)) {
			log.info("Held payment not authenticated yet paymentId={}", payment.id());
			return false;
		}
		settlement.settle(payment.idempotencyKey(), now);
		return true;
	}

}
