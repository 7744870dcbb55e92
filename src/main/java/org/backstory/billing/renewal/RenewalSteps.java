package org.backstory.billing.renewal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.backstory.billing.RenewalProperties;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.payment.BillingMails;
import org.backstory.billing.payment.ChargeAmount;
import org.backstory.billing.payment.ChargeSteps;
import org.backstory.billing.payment.NewPayment;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentPurpose;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.PaymentStatus;
import org.backstory.billing.payment.StoredCard;
import org.backstory.billing.subscription.SubscriptionLifecycle;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.backstory.billing.ledger.SubscriptionEventLog.Actor.RENEWAL_RUN;

/**
 * The two short transactions around the renewal run's gateway calls, as at checkout:
 * {@link #claim} locks due subscriptions, ends those that end, and commits a pending
 * payment per charge to make; {@link #settle} records each answer and moves its
 * subscription along. No transaction is open while the gateway works.
 */
@Component
class RenewalSteps implements ChargeSteps<Void> {

	private static final Logger log = LoggerFactory.getLogger(RenewalSteps.class);

	private final RenewalRepository renewals;

	private final SubscriptionRepository subscriptions;

	private final PaymentRepository payments;

	private final SubscriptionEventLog events;

	private final BillingMails mails;

	private final RenewalProperties properties;

	private final DunningPolicy dunning;

	private final Clock clock;

	RenewalSteps(RenewalRepository renewals, SubscriptionRepository subscriptions, PaymentRepository payments,
			SubscriptionEventLog events, BillingMails mails, RenewalProperties properties, Clock clock) {
		this.renewals = renewals;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.events = events;
		this.mails = mails;
		this.properties = properties;
		this.dunning = new DunningPolicy(properties.retrySchedule());
		this.clock = clock;
	}

	/**
	 * Claims a batch of due subscriptions (of one member, when {@code memberId} is
	 * given). Those that end are ended, those with nothing to pay are renewed and those
	 * without a card are declined, all here; for the rest a pending payment is committed.
	 * @return the payments to charge, and whether there may be more due subscriptions
	 */
	@Transactional
	Claimed claim(String gateway, @Nullable Long memberId) {
		Instant now = clock.instant();
		List<DueSubscription> due = renewals.claimDue(now, properties.batchSize(), now.plus(properties.lease()),
				memberId);
		// A charge still waiting for its member to authenticate it gives way to this new
		// try (or to the end), so one period is never paid twice.
		payments.closeAwaitingAuthentication(due.stream().map(DueSubscription::id).toList(), now);
		List<NewPayment> charges = new ArrayList<>();
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
				charges.add(new NewPayment(subscription.memberId(), subscription.id(), PaymentPurpose.RENEWAL, amount,
						Objects.requireNonNull(subscription.currency()), gateway, subscription.idempotencyKey(), card,
						subscription.nextPeriodStart(), subscription.nextPeriodEnd()));
			}
		}
		// A run that crashed after committing an attempt left it pending: it is asked
		// about again with its key.
		List<PaymentAttempt> pending = payments.insertPendingAll(charges, now)
			.stream()
			.filter(attempt -> attempt.status() == PaymentStatus.PENDING)
			.toList();
		return new Claimed(pending, due.size() == properties.batchSize());
	}

	/** What one {@link #claim} found. */
	record Claimed(List<PaymentAttempt> charges, boolean maybeMore) {
	}

	@Override
	public PaymentPurpose purpose() {
		return PaymentPurpose.RENEWAL;
	}

	/**
	 * Records the gateway's answer to a renewal charge and moves the subscription along.
	 * An answer that someone else recorded first changes nothing.
	 */
	@Override
	@Transactional
	public @Nullable Void settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
		settleOne(attempt, result, clock.instant());
		return null;
	}

	/** A gateway's answer to one charge. */
	record Answer(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
	}

	/**
	 * Settles a batch of answers in one transaction, the successful ones in a few
	 * statements for the whole batch: one commit and a handful of round trips instead of
	 * several per charge. If any fails, none is recorded, and the caller settles them one
	 * by one.
	 */
	@Transactional
	void settleAll(List<Answer> answers) {
		Instant now = clock.instant();
		Map<Long, String> chargeIds = new HashMap<>();
		Map<Long, PaymentAttempt> attempts = new HashMap<>();
		for (Answer answer : answers) {
			if (answer.result() instanceof PaymentGateway.ChargeResult.Succeeded succeeded) {
				chargeIds.put(answer.attempt().id(), succeeded.chargeId());
				attempts.put(answer.attempt().id(), answer.attempt());
			}
			else {
				settleOne(answer.attempt(), answer.result(), now);
			}
		}
		Set<Long> settled = payments.settleSucceeded(chargeIds, now);
		Map<Long, DueSubscription> locked = renewals
			.lockAll(settled.stream().map(id -> Objects.requireNonNull(attempts.get(id).subscriptionId())).toList());
		List<PaymentAttempt> renewing = settled.stream()
			.map(attempts::get)
			.filter(attempt -> isForCurrentPeriod(locked.get(attempt.subscriptionId()), attempt))
			.toList();
		renewed(renewing.stream().map(attempt -> locked.get(attempt.subscriptionId())).toList(), renewing, now);
	}

	/** Settles one answer. */
	private void settleOne(PaymentAttempt attempt, PaymentGateway.ChargeResult result, Instant now) {
		if (result instanceof PaymentGateway.ChargeResult.Declined declined && declined.needsAuthentication()) {
			awaitAuthentication(attempt, declined, now);
			return;
		}
		if (!payments.settle(attempt.id(), result, now)) {
			return;
		}
		DueSubscription subscription = renewals.lock(Objects.requireNonNull(attempt.subscriptionId()));
		if (!isForCurrentPeriod(subscription, attempt)) {
			return;
		}
		if (result instanceof PaymentGateway.ChargeResult.Declined) {
			declined(subscription, attempt, now);
		}
		else {
			renewed(List.of(subscription), List.of(attempt), now);
		}
	}

	private static boolean isForCurrentPeriod(DueSubscription subscription, PaymentAttempt attempt) {
		if (Objects.equals(subscription.periodEnd(), attempt.periodStart())) {
			return true;
		}
		log.warn("Renewal charge settled for a period the subscription is not at subscriptionId={} paymentId={}",
				subscription.id(), attempt.id());
		return false;
	}

	private void end(DueSubscription subscription, Instant now) {
		SubscriptionLifecycle.PERIOD_ENDED.require(subscription.status());
		subscriptions.end(subscription.id(), null, now);
		events.record(subscription.id(), subscription.status(), SubscriptionEventLog.Cause.PERIOD_ENDED, RENEWAL_RUN,
				now);
		log.info("Subscription ended at its period end subscriptionId={}", subscription.id());
	}

	/** A discount or credit covered the whole period: it starts without a charge. */
	private void renewedWithoutCharge(DueSubscription subscription, ChargeAmount amount, Instant now) {
		renewals.renewAll(List.of(new RenewalRepository.Renewal(subscription.id(), renewedStatus(subscription),
				subscription.nextPeriodStart(), subscription.nextPeriodEnd(), null, amount.credit())), now);
		events.record(subscription.id(), subscription.status(), SubscriptionEventLog.Cause.RENEWED, RENEWAL_RUN, now);
		log.info("Subscription renewed without a charge subscriptionId={}", subscription.id());
	}

	/**
	 * Starts the periods the payments paid for (pairwise), logs them and mails the
	 * receipts.
	 */
	private void renewed(List<DueSubscription> subscriptions, List<PaymentAttempt> paid, Instant now) {
		List<RenewalRepository.Renewal> periods = new ArrayList<>(paid.size());
		List<SubscriptionEventLog.Entry> entries = new ArrayList<>(paid.size());
		for (int i = 0; i < paid.size(); i++) {
			DueSubscription subscription = subscriptions.get(i);
			periods.add(new RenewalRepository.Renewal(subscription.id(), renewedStatus(subscription),
					subscription.nextPeriodStart(), subscription.nextPeriodEnd(), paid.get(i).id(), 0));
			entries.add(SubscriptionEventLog.Entry.of(subscription.id(), subscription.status(),
					SubscriptionEventLog.Cause.RENEWED, RENEWAL_RUN, paid.get(i)));
		}
		renewals.renewAll(periods, now);
		events.recordAll(entries, now);
		mails.receipts(paid.stream().map(PaymentAttempt::id).toList());
	}

	/**
	 * Money taken for a subscription canceled meanwhile still buys the period; it stays
	 * canceled.
	 */
	private static SubscriptionStatus renewedStatus(DueSubscription subscription) {
		return subscription.status() == SubscriptionStatus.CANCELED ? SubscriptionStatus.CANCELED
				: SubscriptionLifecycle.RENEWAL_PAID.require(subscription.status());
	}

	private void declined(DueSubscription subscription, @Nullable PaymentAttempt payment, Instant now) {
		int failed = subscription.failedAttempts() + 1;
		Instant pastDueSince = subscription.pastDueSince() != null ? subscription.pastDueSince() : now;
		DunningPolicy.Step step = dunning.afterDecline(failed, payment != null, now);
		if (!(step instanceof DunningPolicy.Retry retry)) {
			SubscriptionLifecycle.RETRIES_EXHAUSTED.require(subscription.status());
			subscriptions.end(subscription.id(), null, now);
			recordDecline(subscription, SubscriptionEventLog.Cause.RETRIES_EXHAUSTED, payment, now);
			mails.subscriptionEnded(subscription.memberId(), subscription.id());
			log.info("Subscription ended after its last retry failed subscriptionId={}", subscription.id());
			return;
		}
		SubscriptionLifecycle.RENEWAL_DECLINED.require(subscription.status());
		renewals.pastDue(subscription.id(), pastDueSince, failed, retry.at(), now);
		recordDecline(subscription, SubscriptionEventLog.Cause.RENEWAL_FAILED, payment, now);
		switch (retry.notice()) {
			case NO_CARD -> mails.noCardOnFile(subscription.memberId(), subscription.id(), retry.at());
			case DECLINED -> mails.paymentDeclined(subscription.memberId(), subscription.id(), retry.at());
			case LAST_RETRY_COMING -> mails.lastRetryComing(subscription.memberId(), subscription.id(), retry.at());
			case NONE, AUTHENTICATE -> {
			}
		}
		log.info("Renewal declined subscriptionId={} failedAttempts={} retryAt={}", subscription.id(), failed,
				retry.at());
	}

	/**
	 * The member's bank held the charge for them to authenticate: not a decline. The
	 * payment stays pending for them to confirm (its success settles the renewal like any
	 * other), the subscription is past due (so its reader is in grace), and the member
	 * gets the link instead of a decline mail. The first hold is recorded; the gateway's
	 * later word on it (a webhook) changes nothing.
	 */
	private void awaitAuthentication(PaymentAttempt attempt, PaymentGateway.ChargeResult.Declined answer, Instant now) {
		if (!payments.awaitAuthentication(attempt.id(), answer, now)) {
			return;
		}
		DueSubscription subscription = renewals.lock(Objects.requireNonNull(attempt.subscriptionId()));
		if (!isForCurrentPeriod(subscription, attempt)) {
			return;
		}
		DunningPolicy.Step step = dunning.afterAuthenticationRequired(subscription.failedAttempts() + 1, now);
		if (!(step instanceof DunningPolicy.Retry retry)) {
			payments.closeAwaitingAuthentication(List.of(subscription.id()), now);
			declined(subscription, attempt, now);
			return;
		}
		SubscriptionLifecycle.RENEWAL_DECLINED.require(subscription.status());
		Instant pastDueSince = subscription.pastDueSince() != null ? subscription.pastDueSince() : now;
		renewals.pastDue(subscription.id(), pastDueSince, dunning.lastAttempt(), retry.at(), now);
		recordDecline(subscription, SubscriptionEventLog.Cause.RENEWAL_FAILED, attempt, now);
		mails.authenticationRequired(subscription.memberId(), attempt.id(), attempt.amount(), attempt.currency(),
				retry.at());
		log.info("Renewal held for the member to authenticate subscriptionId={} paymentId={} lastTryAt={}",
				subscription.id(), attempt.id(), retry.at());
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
