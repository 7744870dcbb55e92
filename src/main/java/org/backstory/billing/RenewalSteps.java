package org.backstory.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.backstory.billing.SubscriptionEventLog.Actor.RENEWAL_RUN;

/**
 * The two short transactions around the renewal run's gateway calls, as at checkout: {@link #claim}
 * locks due subscriptions, ends those that end, and commits a pending payment per charge to make;
 * {@link #settle} records each answer and moves its subscription along. No transaction is open while
 * the gateway works.
 */
@Component
class RenewalSteps {

	private static final Logger log = LoggerFactory.getLogger(RenewalSteps.class);

	private final RenewalRepository renewals;

	private final PaymentRepository payments;

	private final SubscriptionEventLog events;

	private final BillingMails mails;

	private final RenewalProperties properties;

	private final Clock clock;

	RenewalSteps(RenewalRepository renewals, PaymentRepository payments, SubscriptionEventLog events,
			BillingMails mails, RenewalProperties properties, Clock clock) {
		this.renewals = renewals;
		this.payments = payments;
		this.events = events;
		this.mails = mails;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Claims a batch of due subscriptions (of one member, when {@code memberId} is given). Those that end are ended, those with nothing to pay are renewed
	 * and those without a card are declined, all here; for the rest a pending payment is committed.
	 *
	 * @return the payments to charge, and whether there may be more due subscriptions
	 */
	@Transactional
	Claimed claim(String gateway, @Nullable Long memberId) {
		Instant now = clock.instant();
		List<DueSubscription> due = renewals.claimDue(now, properties.batchSize(), now.plus(properties.lease()),
				memberId);
		List<PaymentAttempt> charges = new ArrayList<>();
		for (DueSubscription subscription : due) {
			if (subscription.endsNow()) {
				end(subscription, now);
				continue;
			}
			ChargeAmount amount = subscription.nextCharge();
			StoredCard card = subscription.card();
			if (amount.due() == 0) {
				renewedWithoutCharge(subscription, amount, now);
			}
			else if (card == null) {
				declined(subscription, null, now);
			}
			else {
				charges.add(pendingPayment(subscription, amount, card, gateway, now));
			}
		}
		return new Claimed(charges, due.size() == properties.batchSize());
	}

	/** What one {@link #claim} found. */
	record Claimed(List<PaymentAttempt> charges, boolean maybeMore) {
	}

	/**
	 * Records the gateway's answer to a renewal charge and moves the subscription along. An answer that
	 * someone else recorded first changes nothing.
	 */
	@Transactional
	void settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
		if (settleOne(attempt, result, clock.instant())) {
			mails.receipt(attempt.id());
		}
	}

	/** A gateway's answer to one charge. */
	record Answer(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
	}

	/**
	 * Settles a batch of answers in one transaction: one commit for the batch instead of one per charge.
	 * If any fails, none is recorded, and the caller settles them one by one.
	 */
	@Transactional
	void settleAll(List<Answer> answers) {
		Instant now = clock.instant();
		List<Long> paid = new ArrayList<>();
		for (Answer answer : answers) {
			if (settleOne(answer.attempt(), answer.result(), now)) {
				paid.add(answer.attempt().id());
			}
		}
		mails.receipts(paid);
	}

	/** Settles one answer; whether it renewed the subscription with money taken, so a receipt is owed. */
	private boolean settleOne(PaymentAttempt attempt, PaymentGateway.ChargeResult result, Instant now) {
		if (!payments.settle(attempt.id(), result, now)) {
			return false;
		}
		DueSubscription subscription = renewals.lock(attempt.subscriptionId());
		if (!Objects.equals(subscription.periodEnd(), attempt.periodStart())) {
			log.warn("Renewal charge settled for a period the subscription is not at subscriptionId={} paymentId={}",
					subscription.id(), attempt.id());
			return false;
		}
		if (result instanceof PaymentGateway.ChargeResult.Declined) {
			declined(subscription, attempt, now);
			return false;
		}
		renewed(subscription, attempt, now);
		return true;
	}

	private PaymentAttempt pendingPayment(DueSubscription subscription, ChargeAmount amount, StoredCard card,
			String gateway, Instant now) {
		String key = subscription.idempotencyKey();
		// A run that crashed after committing this attempt left it pending: ask the gateway again with it.
		return payments
			.insertPendingUnlessExists(new NewPayment(subscription.memberId(), subscription.id(), PaymentPurpose.RENEWAL,
					amount, Objects.requireNonNull(subscription.currency()), gateway, key, card,
					subscription.nextPeriodStart(), subscription.nextPeriodEnd()), now)
			.orElseGet(() -> payments.findByKey(key).orElseThrow());
	}

	private void end(DueSubscription subscription, Instant now) {
		SubscriptionLifecycle.PERIOD_ENDED.require(subscription.status());
		renewals.end(subscription.id(), null, now);
		events.record(subscription.id(), subscription.status(), SubscriptionEventLog.Cause.PERIOD_ENDED, RENEWAL_RUN, now);
		log.info("Subscription ended at its period end subscriptionId={}", subscription.id());
	}

	/** A discount or credit covered the whole period: it starts without a charge. */
	private void renewedWithoutCharge(DueSubscription subscription, ChargeAmount amount, Instant now) {
		renewals.renew(subscription.id(), renewedStatus(subscription), subscription.nextPeriodStart(),
				subscription.nextPeriodEnd(), null, amount.credit(), now);
		events.record(subscription.id(), subscription.status(), SubscriptionEventLog.Cause.RENEWED, RENEWAL_RUN, now);
		log.info("Subscription renewed without a charge subscriptionId={}", subscription.id());
	}

	private void renewed(DueSubscription subscription, PaymentAttempt payment, Instant now) {
		renewals.renew(subscription.id(), renewedStatus(subscription), subscription.nextPeriodStart(),
				subscription.nextPeriodEnd(), payment.id(), 0, now);
		events.record(subscription.id(), subscription.status(), SubscriptionEventLog.Cause.RENEWED, RENEWAL_RUN, payment,
				now);
		log.debug("Subscription renewed subscriptionId={} until={}", subscription.id(), subscription.nextPeriodEnd());
	}

	/** Money taken for a subscription canceled meanwhile still buys the period; it stays canceled. */
	private static SubscriptionStatus renewedStatus(DueSubscription subscription) {
		return subscription.status() == SubscriptionStatus.CANCELED ? SubscriptionStatus.CANCELED
				: SubscriptionLifecycle.RENEWAL_PAID.require(subscription.status());
	}

	private void declined(DueSubscription subscription, @Nullable PaymentAttempt payment, Instant now) {
		int failed = subscription.failedAttempts() + 1;
		Instant pastDueSince = subscription.pastDueSince() != null ? subscription.pastDueSince() : now;
		if (failed >= properties.declinesAllowed()) {
			SubscriptionLifecycle.RETRIES_EXHAUSTED.require(subscription.status());
			renewals.end(subscription.id(), null, now);
			recordDecline(subscription, SubscriptionEventLog.Cause.RETRIES_EXHAUSTED, payment, now);
			mails.subscriptionEnded(subscription.memberId(), subscription.id());
			log.info("Subscription ended after its last retry failed subscriptionId={}", subscription.id());
			return;
		}
		SubscriptionLifecycle.RENEWAL_DECLINED.require(subscription.status());
		Instant retryAt = now.plus(properties.retrySchedule().get(failed - 1));
		renewals.pastDue(subscription.id(), pastDueSince, failed, retryAt, now);
		recordDecline(subscription, SubscriptionEventLog.Cause.RENEWAL_FAILED, payment, now);
		if (failed == 1) {
			mails.paymentDeclined(subscription.memberId(), subscription.id(), retryAt);
		}
		else if (failed == properties.retrySchedule().size()) {
			mails.lastRetryComing(subscription.memberId(), subscription.id(), retryAt);
		}
		log.info("Renewal declined subscriptionId={} failedAttempts={} retryAt={}", subscription.id(), failed, retryAt);
	}

	private void recordDecline(DueSubscription subscription, SubscriptionEventLog.Cause cause,
			@Nullable PaymentAttempt payment, Instant now) {
		if (payment == null) {
			events.record(subscription.id(), subscription.status(), cause, RENEWAL_RUN, now);
		}
		else {
			events.record(subscription.id(), subscription.status(), cause, RENEWAL_RUN, payment, now);
		}
	}

}
