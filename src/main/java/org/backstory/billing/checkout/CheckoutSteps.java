package org.backstory.billing.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.card.CardRepository;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.payment.BillingMails;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.ChargeSteps;
import org.backstory.billing.payment.Discount;
import org.backstory.billing.payment.NewPayment;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentPurpose;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.PaymentStatus;
import org.backstory.billing.payment.StoredCard;
import org.backstory.billing.subscription.NewSubscription;
import org.backstory.billing.subscription.Subscription;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.billing.subscription.SubscriptionTermsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two short transactions around a checkout's gateway call (Kill Bill's payment
 * attempt pattern): {@link #begin} commits a pending payment row before the call,
 * {@link #settle} records the answer and, on success, activates the subscription, files
 * the card and logs the event, all at once. No transaction is held open while the gateway
 * works.
 */
@Component
public class CheckoutSteps implements ChargeSteps<CheckoutOutcome> {

	private static final Logger log = LoggerFactory.getLogger(CheckoutSteps.class);

	private final SubscriptionRepository subscriptions;

	private final SubscriptionTermsRepository terms;

	private final PaymentRepository payments;

	private final CardRepository cards;

	private final SubscriptionEventLog events;

	private final Offers offers;

	private final BillingMails mails;

	private final Clock clock;

	CheckoutSteps(SubscriptionRepository subscriptions, SubscriptionTermsRepository terms, PaymentRepository payments,
			CardRepository cards, SubscriptionEventLog events, Offers offers, BillingMails mails, Clock clock) {
		this.subscriptions = subscriptions;
		this.terms = terms;
		this.payments = payments;
		this.cards = cards;
		this.events = events;
		this.offers = offers;
		this.mails = mails;
		this.clock = clock;
	}

	/** What {@link #begin} found: go on with a payment attempt, or stop. */
	sealed interface Begun {

		/** Charge (or ask again about) this attempt. */
		record Proceed(PaymentAttempt attempt) implements Begun {
		}

		record AlreadySubscribed() implements Begun {
		}

		/** Another attempt of this member is pending. */
		record Busy() implements Begun {
		}

		/** A free trial started instead of a charge: nothing to pay now. */
		record TrialStarted(long subscriptionId, Instant trialEnd) implements Begun {
		}

		/** The coupon cannot be used; nothing was written. */
		record CouponRefused(CouponRefusal refusal) implements Begun {
		}

	}

	/**
	 * Records the pending first payment on the member's unfinished subscription (made
	 * now, or left by an earlier checkout whose card was declined), or starts the free
	 * trial of a member who gets one. Locking the member's live subscription serialises
	 * their checkouts, so two browser tabs cannot both charge. A coupon is redeemed here,
	 * in the same transaction; if it cannot be, nothing is written.
	 */
	@Transactional
	Begun begin(Checkout checkout, PlanCatalog.StoredPlan plan, StoredCard card, String gateway) {
		Instant now = clock.instant();
		Optional<Long> created = subscriptions
			.insertUnlessLive(NewSubscription.checkout(checkout.memberId(), plan, checkout.interval(), now), now);
		Subscription live = subscriptions.lockLive(checkout.memberId()).orElseThrow();
		Optional<PaymentAttempt> sameAttempt = payments.findByKey(checkout.idempotencyKey());
		if (sameAttempt.isPresent()) {
			return new Begun.Proceed(sameAttempt.get());
		}
		if (live.status() != SubscriptionStatus.INCOMPLETE) {
			return new Begun.AlreadySubscribed();
		}
		if (payments.pendingFor(live.id()).isPresent()) {
			return new Begun.Busy();
		}
		created.ifPresentOrElse(
				id -> events.record(id, null, SubscriptionEventLog.Cause.CHECKOUT_STARTED,
						SubscriptionEventLog.Actor.member(checkout.memberId()), now),
				() -> terms.choosePlan(live.id(), plan, checkout.interval(), now));
		if (checkout.articleId() != null) {
			subscriptions.attribute(live.id(), checkout.articleId());
		}
		Offer offer = offers.offer(checkout.offerCode());
		Instant trialEnd = offers.trialEnd(checkout.memberId(), plan.plan(), offer, now);
		CouponCheck coupon = offers.redeem(checkout.couponCode(), checkout.memberId(), live.id(), plan.plan(),
				checkout.interval(), trialEnd == null ? now : trialEnd, offer, now);
		if (coupon instanceof CouponCheck.Refused refused) {
			return new Begun.CouponRefused(refused.refusal());
		}
		offers.noteOffer(live.id(), offer, trialEnd != null, now);
		if (trialEnd != null) {
			return startTrial(checkout, live.id(), trialEnd, coupon, card, gateway, now);
		}
		ChargeAmount amount = coupon.charge(plan.plan().price(checkout.interval()), now);
		return new Begun.Proceed(payments.insertPending(
				new NewPayment(checkout.memberId(), live.id(), PaymentPurpose.CHECKOUT, amount, plan.plan().currency(),
						gateway, checkout.idempotencyKey(), card, now, checkout.interval().periodEnd(now)),
				now));
	}

	private Begun startTrial(Checkout checkout, long subscriptionId, Instant trialEnd, CouponCheck coupon,
			StoredCard card, String gateway, Instant now) {
		SubscriptionEventLog.Actor member = SubscriptionEventLog.Actor.member(checkout.memberId());
		subscriptions.startTrial(subscriptionId, trialEnd, now);
		events.record(subscriptionId, SubscriptionStatus.INCOMPLETE, SubscriptionEventLog.Cause.TRIAL_STARTED, member,
				now);
		if (coupon instanceof CouponCheck.Applies) {
			events.record(subscriptionId, SubscriptionStatus.TRIALING, SubscriptionEventLog.Cause.COUPON_APPLIED,
					member, now);
		}
		cards.save(checkout.memberId(), gateway, card, now);
		log.info("Trial started subscriptionId={} memberId={} trialEnd={}", subscriptionId, checkout.memberId(),
				trialEnd);
		return new Begun.TrialStarted(subscriptionId, trialEnd);
	}

	@Override
	public PaymentPurpose purpose() {
		return PaymentPurpose.CHECKOUT;
	}

	/**
	 * Records the gateway's answer to a pending attempt. When a concurrent request with
	 * the same key got there first, its record stands and is reported.
	 */
	@Override
	@Transactional
	public CheckoutOutcome settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
		Instant now = clock.instant();
		if (!payments.settle(attempt.id(), result, now)) {
			return outcomeOf(payments.findByKey(attempt.idempotencyKey()).orElseThrow());
		}
		if (result instanceof PaymentGateway.ChargeResult.Declined declined) {
			log.info("Checkout charge declined subscriptionId={} paymentId={} code={}", attempt.subscriptionId(),
					attempt.id(), declined.code());
			offers.release(Objects.requireNonNull(attempt.subscriptionId()), now);
			return new CheckoutOutcome.Declined(declined.message());
		}
		Subscription subscription = subscriptions.lock(Objects.requireNonNull(attempt.subscriptionId()));
		if (subscriptions.activate(subscription.id(), Objects.requireNonNull(attempt.periodStart()),
				Objects.requireNonNull(attempt.periodEnd()), now)) {
			offers.confirm(subscription.id(), now);
			events.record(subscription.id(), SubscriptionStatus.INCOMPLETE, SubscriptionEventLog.Cause.FIRST_PAYMENT,
					SubscriptionEventLog.Actor.member(subscription.memberId()), attempt, now);
			if (!subscription.discount().equals(Discount.NONE)) {
				events.record(subscription.id(), SubscriptionStatus.ACTIVE, SubscriptionEventLog.Cause.COUPON_APPLIED,
						SubscriptionEventLog.Actor.member(subscription.memberId()), now);
			}
		}
		else {
			log.warn("Paid checkout found its subscription no longer unfinished subscriptionId={} paymentId={}",
					subscription.id(), attempt.id());
		}
		cards.save(subscription.memberId(), attempt.gateway(), Objects.requireNonNull(attempt.card()), now);
		mails.receipt(attempt.id());
		log.info("Checkout paid subscriptionId={} paymentId={} memberId={}", subscription.id(), attempt.id(),
				subscription.memberId());
		return new CheckoutOutcome.Subscribed(subscription.id());
	}

	/** The outcome an already settled attempt stands for. */
	static CheckoutOutcome outcomeOf(PaymentAttempt settled) {
		if (settled.status() == PaymentStatus.SUCCEEDED) {
			return new CheckoutOutcome.Subscribed(Objects.requireNonNull(settled.subscriptionId()));
		}
		String reason = settled.failureReason();
		return new CheckoutOutcome.Declined(reason == null ? "Your card was declined." : reason);
	}

}
