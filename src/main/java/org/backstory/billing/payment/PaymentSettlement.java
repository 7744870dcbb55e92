package org.backstory.billing.payment;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the gateway's answer to a pending payment, whoever brings it: the call that
 * made the charge, a later retry of that call, or a notification from the gateway (a
 * Stripe webhook). Whichever arrives first settles the payment; later ones find it
 * settled and change nothing.
 */
@Component
public class PaymentSettlement {

	private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

	private final PaymentRepository payments;

	private final Map<PaymentPurpose, ChargeSteps<?>> steps = new EnumMap<>(PaymentPurpose.class);

	PaymentSettlement(PaymentRepository payments, List<ChargeSteps<?>> steps) {
		this.payments = payments;
		for (ChargeSteps<?> step : steps) {
			if (this.steps.put(step.purpose(), step) != null) {
				throw new IllegalStateException("Two ChargeSteps settle " + step.purpose() + " payments");
			}
		}
		if (this.steps
			.size() != Arrays.stream(PaymentPurpose.values()).filter(PaymentPurpose::throughGateway).count()) {
			throw new IllegalStateException("No ChargeSteps settle some payment purposes: " + this.steps.keySet());
		}
	}

	/**
	 * Settles the payment made with {@code idempotencyKey}, if there is one and it is
	 * still pending.
	 * @return whether a pending payment was settled by this call
	 */
	public boolean settle(String idempotencyKey, PaymentGateway.ChargeResult result) {
		Optional<PaymentAttempt> attempt = payments.findByKey(idempotencyKey)
			.filter(p -> p.status() == PaymentStatus.PENDING);
		if (attempt.isEmpty()) {
			log.debug("No pending payment to settle idempotencyKey={}", idempotencyKey);
			return false;
		}
		settle(attempt.get(), result);
		return true;
	}

	void settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
		steps.get(attempt.purpose()).settle(attempt, result);
	}

}
