package org.backstory.billing;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the gateway's answer to a pending payment, whoever brings it: the call that made the charge,
 * a later retry of that call, or a notification from the gateway (a Stripe webhook). Whichever arrives
 * first settles the payment; later ones find it settled and change nothing.
 */
@Component
public class PaymentSettlement {

	private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

	private final PaymentRepository payments;

	private final CheckoutSteps checkouts;

	private final RenewalSteps renewals;

	private final PlanChangeSteps planChanges;

	private final GiftSteps gifts;

	PaymentSettlement(PaymentRepository payments, CheckoutSteps checkouts, RenewalSteps renewals,
			PlanChangeSteps planChanges, GiftSteps gifts) {
		this.payments = payments;
		this.checkouts = checkouts;
		this.renewals = renewals;
		this.planChanges = planChanges;
		this.gifts = gifts;
	}

	/**
	 * Settles the payment made with {@code idempotencyKey}, if there is one and it is still pending.
	 *
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
		switch (attempt.purpose()) {
			case CHECKOUT -> checkouts.settle(attempt, result);
			case RENEWAL -> renewals.settle(attempt, result);
			case PLAN_CHANGE -> planChanges.settle(attempt, result);
			case GIFT -> gifts.settle(attempt, result);
		}
	}

}
