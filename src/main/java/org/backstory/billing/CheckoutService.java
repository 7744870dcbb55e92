package org.backstory.billing;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Subscribing: take a card, charge the first period, and only when that succeeds start the
 * subscription. A pending payment row is committed before the gateway is charged with an idempotency
 * key derived from it, so a double submit, a second tab or a retry after a crash never charges twice.
 */
@Service
public class CheckoutService {

	private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	private final PaymentRepository payments;

	private final CheckoutSteps steps;

	private final PaymentGateway gateway;

	CheckoutService(PlanCatalog plans, SubscriptionService subscriptions, PaymentRepository payments,
			CheckoutSteps steps, PaymentGateway gateway) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.steps = steps;
		this.gateway = gateway;
	}

	/** Subscribes the member if the card is accepted and the first charge succeeds. */
	public CheckoutOutcome checkout(Checkout checkout) {
		Optional<PlanCatalog.StoredPlan> plan = plans.find(checkout.planCode()).filter(p -> p.plan().active());
		if (plan.isEmpty()) {
			return new CheckoutOutcome.PlanUnavailable();
		}
		Optional<PaymentAttempt> sameAttempt = payments.findByKey(checkout.idempotencyKey());
		if (sameAttempt.isPresent()) {
			return resume(sameAttempt.get());
		}
		Optional<PaymentAttempt> unsettled = payments.unsettledCheckout(checkout.memberId());
		if (unsettled.isPresent() && resume(unsettled.get()) instanceof CheckoutOutcome.Subscribed subscribed) {
			return subscribed;
		}
		if (subscriptions.isSubscribed(checkout.memberId())) {
			return new CheckoutOutcome.AlreadySubscribed();
		}
		PaymentGateway.CardAttachment attachment;
		try {
			attachment = gateway.attachCard(
					new PaymentGateway.AttachCard(checkout.memberId(), checkout.email(), null, checkout.card()));
		}
		catch (PaymentGatewayException ex) {
			log.warn("Checkout card not confirmed memberId={} reason={}", checkout.memberId(), ex.getMessage());
			return new CheckoutOutcome.NotConfirmed();
		}
		if (attachment instanceof PaymentGateway.CardAttachment.Declined declined) {
			log.info("Checkout card declined memberId={} code={}", checkout.memberId(), declined.code());
			return new CheckoutOutcome.Declined(declined.message());
		}
		StoredCard card = ((PaymentGateway.CardAttachment.Attached) attachment).card();
		CheckoutSteps.Begun begun = steps.begin(checkout, plan.get(), card, gateway.name());
		if (begun instanceof CheckoutSteps.Begun.Proceed proceed) {
			return resume(proceed.attempt());
		}
		return begun instanceof CheckoutSteps.Begun.Busy ? new CheckoutOutcome.InProgress()
				: new CheckoutOutcome.AlreadySubscribed();
	}

	/** Charges a pending attempt (again: the gateway answers a repeated key with its first answer). */
	private CheckoutOutcome resume(PaymentAttempt attempt) {
		if (attempt.status() != PaymentStatus.PENDING) {
			return CheckoutSteps.outcomeOf(attempt);
		}
		PaymentGateway.ChargeResult result;
		try {
			result = gateway.charge(attempt.charge());
		}
		catch (PaymentGatewayException ex) {
			log.warn("Checkout charge not confirmed paymentId={} reason={}", attempt.id(), ex.getMessage());
			return new CheckoutOutcome.NotConfirmed();
		}
		return steps.settle(attempt, result);
	}

}
