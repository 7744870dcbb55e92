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

	private final CardSetups setups;

	CheckoutService(PlanCatalog plans, SubscriptionService subscriptions, PaymentRepository payments,
			CheckoutSteps steps, PaymentGateway gateway, CardSetups setups) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.steps = steps;
		this.gateway = gateway;
		this.setups = setups;
	}

	/**
	 * Starts a checkout whose card the member enters on the gateway's page, when the gateway takes cards
	 * there. Nothing is charged until the member comes back and {@link #checkout} is called with
	 * {@link CheckoutCard.FromSetup}.
	 *
	 * @param returnUrl absolute URL of the page that completes the checkout
	 * @param cancelUrl absolute URL to come back to if the member gives up
	 * @return where to send the member, or empty if the gateway did not answer
	 */
	public Optional<String> startCardSetup(long memberId, String email, String returnUrl, String cancelUrl) {
		return setups.start(memberId, email, CardSetups.Purpose.CHECKOUT, returnUrl, cancelUrl);
	}

	/**
	 * Subscribes the member if the card is accepted and the first charge succeeds. Calling it again with the
	 * same attempt (a double submit, a reloaded return page) reports the first outcome and charges once.
	 */
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
			attachment = cardOf(checkout);
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

	private PaymentGateway.CardAttachment cardOf(Checkout checkout) {
		if (checkout.card() instanceof CheckoutCard.FromSetup setup) {
			PaymentGateway.CardAttachment attachment = setups.read(checkout.memberId(), setup.setupId());
			if (attachment instanceof PaymentGateway.CardAttachment.Attached) {
				// The member's return finishes this setup; the card goes on file only if the charge succeeds.
				setups.markFinished(setup.setupId());
			}
			return attachment;
		}
		return gateway.attachCard(new PaymentGateway.AttachCard(checkout.memberId(), checkout.email(), null,
				(CardDetails) checkout.card()));
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
