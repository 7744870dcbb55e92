package org.backstory.billing.checkout;

import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.card.CardSetups;
import org.backstory.billing.payment.CheckoutCard;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.PaymentStatus;
import org.backstory.billing.payment.StoredCard;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Subscribing: take a card, charge the first period, and only when that succeeds start
 * the subscription. A pending payment row is committed before the gateway is charged with
 * an idempotency key derived from it, so a double submit, a second tab or a retry after a
 * crash never charges twice. A member's first checkout of a plan with trial days takes
 * the card and starts a free trial instead of charging; a coupon code takes its discount
 * off the first charge (and later ones, by its terms).
 */
@Service
public class CheckoutService {

	private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

	private final PlanCatalog plans;

	private final SubscriptionRepository subscriptions;

	private final PaymentRepository payments;

	private final CheckoutSteps steps;

	private final GatewayCalls gateway;

	private final CardSetups setups;

	private final Offers offers;

	CheckoutService(PlanCatalog plans, SubscriptionRepository subscriptions, PaymentRepository payments,
			CheckoutSteps steps, GatewayCalls gateway, CardSetups setups, Offers offers) {
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.steps = steps;
		this.gateway = gateway;
		this.setups = setups;
		this.offers = offers;
	}

	/**
	 * What checking out the plan would cost the member now: a free trial if they get one,
	 * and the coupon (or why it cannot be used) if they typed a code. Empty when no
	 * active plan has that code.
	 */
	public Optional<CheckoutQuote> quote(long memberId, String planCode, BillingInterval interval,
			@Nullable String couponCode) {
		return quote(memberId, planCode, interval, couponCode, null, null);
	}

	/**
	 * {@link #quote(long, String, BillingInterval, String)} for a checkout that came from
	 * an offer (its trial or discount in place of a typed coupon, or why it cannot be
	 * taken, as the coupon refusal), and for a group plan bought with {@code seats} seats
	 * (see {@link PlanCatalog.StoredPlan#forSeats}).
	 */
	public Optional<CheckoutQuote> quote(long memberId, String planCode, BillingInterval interval,
			@Nullable String couponCode, @Nullable String offerCode, @Nullable Integer seats) {
		return plans.find(planCode)
			.filter(p -> p.plan().active())
			.map(plan -> offers.quote(memberId, plan.forSeats(seats).plan(), interval, couponCode,
					offers.offer(offerCode)));
	}

	/**
	 * Starts a checkout whose card the member enters on the gateway's page, when the
	 * gateway takes cards there. Nothing is charged until the member comes back and
	 * {@link #checkout} is called with {@link CheckoutCard.FromSetup}.
	 * @param returnUrl absolute URL of the page that completes the checkout
	 * @param cancelUrl absolute URL to come back to if the member gives up
	 * @return where to send the member, or empty if the gateway did not answer
	 */
	public Optional<String> startCardSetup(long memberId, String email, String returnUrl, String cancelUrl) {
		return setups.start(memberId, email, CardSetups.Purpose.CHECKOUT, returnUrl, cancelUrl);
	}

	/**
	 * Subscribes the member if the card is accepted and the first charge succeeds (or a
	 * free trial starts). Calling it again with the same attempt (a double submit, a
	 * reloaded return page) reports the first outcome and charges once.
	 */
	public CheckoutOutcome checkout(Checkout checkout) {
		CheckoutOutcome outcome = attempt(checkout);
		if (outcome instanceof CheckoutOutcome.AlreadySubscribed || outcome instanceof CheckoutOutcome.CouponRefused) {
			// A concurrent submit of this same attempt may have paid (and used the
			// coupon) after this one first
			// looked for it: then this submit reports that payment, as a repeated submit
			// does.
			Optional<PaymentAttempt> sameAttempt = payments.findByKey(checkout.idempotencyKey());
			if (sameAttempt.isPresent()) {
				return resume(sameAttempt.get());
			}
		}
		return outcome;
	}

	private CheckoutOutcome attempt(Checkout checkout) {
		Optional<PlanCatalog.StoredPlan> plan = plans.find(checkout.planCode())
			.filter(p -> p.plan().active())
			.map(p -> p.forSeats(checkout.seats()));
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
		// A bad coupon code is refused before the card goes to the gateway; it is checked
		// again when redeemed.
		CouponRefusal refusal = offers
			.quote(checkout.memberId(), plan.get().plan(), checkout.interval(), checkout.couponCode(),
					offers.offer(checkout.offerCode()))
			.couponRefusal();
		if (refusal != null) {
			return new CheckoutOutcome.CouponRefused(refusal.message());
		}
		PaymentGateway.CardAttachment attachment = gateway.card(checkout.memberId(), checkout.email(), checkout.card())
			.orElse(null);
		if (attachment == null) {
			return new CheckoutOutcome.NotConfirmed();
		}
		if (attachment instanceof PaymentGateway.CardAttachment.Declined declined) {
			log.info("Checkout card declined memberId={} code={}", checkout.memberId(), declined.code());
			return new CheckoutOutcome.Declined(declined.message());
		}
		StoredCard card = ((PaymentGateway.CardAttachment.Attached) attachment).card();
		CheckoutSteps.Begun begun = steps.begin(checkout, plan.get(), card, gateway.gatewayName());
		if (begun instanceof CheckoutSteps.Begun.Proceed proceed) {
			return resume(proceed.attempt());
		}
		if (begun instanceof CheckoutSteps.Begun.TrialStarted trial) {
			return new CheckoutOutcome.TrialStarted(trial.subscriptionId(), trial.trialEnd());
		}
		if (begun instanceof CheckoutSteps.Begun.CouponRefused refused) {
			return new CheckoutOutcome.CouponRefused(refused.refusal().message());
		}
		return begun instanceof CheckoutSteps.Begun.Busy ? new CheckoutOutcome.InProgress()
				: new CheckoutOutcome.AlreadySubscribed();
	}

	/**
	 * Charges a pending attempt (again: the gateway answers a repeated key with its first
	 * answer).
	 */
	private CheckoutOutcome resume(PaymentAttempt attempt) {
		if (attempt.status() != PaymentStatus.PENDING) {
			return CheckoutSteps.outcomeOf(attempt);
		}
		return gateway.charge(attempt)
			.map(result -> steps.settle(attempt, result))
			.orElseGet(CheckoutOutcome.NotConfirmed::new);
	}

}
