package org.backstory.billing.renewal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.backstory.billing.subscription.SubscriptionRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.backstory.billing.ledger.SubscriptionEventLog.Actor.RENEWAL_RUN;

/**
 * The two short transactions around the gateway call for seats added mid-period, made by
 * the renewal run on its pass: {@link #claim} locks due seat charges and commits a
 * pending {@code seats} payment for each (key {@code seats-<charge>-<try>}: a run that
 * dies after the commit leaves it pending, and the next run asks the gateway again with
 * the same key, which answers the first charge instead of making a second);
 * {@link #settle} records the answer. A decline leaves the seats where they are and tries
 * again on the renewal retry schedule; after the last try the charge is given up
 * ({@code failed}), and the next renewal charges every seat as usual.
 */
@Component
class SeatChargeSteps implements ChargeSteps<Void> {

	private static final Logger log = LoggerFactory.getLogger(SeatChargeSteps.class);

	private final SeatChargeRepository charges;

	private final SubscriptionRepository subscriptions;

	private final PaymentRepository payments;

	private final SubscriptionEventLog events;

	private final BillingMails mails;

	private final RenewalProperties properties;

	private final DunningPolicy dunning;

	private final Clock clock;

	SeatChargeSteps(SeatChargeRepository charges, SubscriptionRepository subscriptions, PaymentRepository payments,
			SubscriptionEventLog events, BillingMails mails, RenewalProperties properties, Clock clock) {
		this.charges = charges;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.events = events;
		this.mails = mails;
		this.properties = properties;
		this.dunning = new DunningPolicy(properties.retrySchedule());
		this.clock = clock;
	}

	/**
	 * Claims a batch of due seat charges: those without a card on file are declined here,
	 * for the rest a pending payment is committed (or found, when a run that died
	 * committed it).
	 * @return the payments to charge, and whether there may be more due
	 */
	@Transactional
	RenewalSteps.Claimed claim(String gateway) {
		Instant now = clock.instant();
		List<SeatChargeRepository.DueSeatCharge> due = charges.claimDue(now, properties.batchSize(),
				now.plus(properties.lease()));
		List<NewPayment> newPayments = new ArrayList<>();
		Map<String, SeatChargeRepository.DueSeatCharge> byKey = due.stream()
			.collect(Collectors.toMap(SeatChargeRepository.DueSeatCharge::idempotencyKey, Function.identity()));
		for (SeatChargeRepository.DueSeatCharge charge : due) {
			if (charge.card() == null) {
				declined(charge, now);
			}
			else {
				newPayments.add(new NewPayment(charge.memberId(), charge.subscriptionId(), PaymentPurpose.SEATS,
						ChargeAmount.of(charge.amount()), charge.currency(), gateway, charge.idempotencyKey(),
						charge.card(), null, null));
			}
		}
		List<PaymentAttempt> pending = new ArrayList<>();
		for (PaymentAttempt attempt : payments.insertPendingAll(newPayments, now)) {
			if (attempt.status() == PaymentStatus.PENDING) {
				charges.attempted(byKey.get(attempt.idempotencyKey()).id(), attempt.id());
				pending.add(attempt);
			}
		}
		return new RenewalSteps.Claimed(pending, due.size() == properties.batchSize());
	}

	@Override
	public PaymentPurpose purpose() {
		return PaymentPurpose.SEATS;
	}

	/**
	 * Records the gateway's answer: paid, or declined (a charge the bank holds for the
	 * manager to authenticate counts as declined: nobody is there to confirm it, and the
	 * retry asks again). An answer someone else recorded first changes nothing.
	 */
	@Override
	@Transactional
	public @Nullable Void settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
		Instant now = clock.instant();
		if (!payments.settle(attempt.id(), result, now)) {
			return null;
		}
		SeatChargeRepository.DueSeatCharge charge = charges.lockPendingOfPayment(attempt.id()).orElse(null);
		if (charge == null) {
			return null;
		}
		if (result instanceof PaymentGateway.ChargeResult.Succeeded) {
			charges.paid(charge.id(), now);
			SubscriptionStatus status = subscriptions.lock(charge.subscriptionId()).status();
			events.record(charge.subscriptionId(), status, SubscriptionEventLog.Cause.SEATS_CHARGED, RENEWAL_RUN,
					attempt, now);
			mails.receipt(attempt.id());
			log.info("Seat charge paid seatChargeId={} paymentId={}", charge.id(), attempt.id());
		}
		else {
			declined(charge, now);
		}
		return null;
	}

	private void declined(SeatChargeRepository.DueSeatCharge charge, Instant now) {
		int failed = charge.failedAttempts() + 1;
		DunningPolicy.Step step = dunning.afterDecline(failed, charge.card() != null, now);
		Instant retryAt = step instanceof DunningPolicy.Retry retry ? retry.at() : null;
		charges.declined(charge.id(), failed, retryAt, now);
		mails.seatChargeDeclined(charge.memberId(), charge.id(), failed, retryAt);
		log.info("Seat charge declined seatChargeId={} failedAttempts={} retryAt={}", charge.id(), failed, retryAt);
	}

}
