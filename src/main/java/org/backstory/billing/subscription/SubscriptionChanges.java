package org.backstory.billing.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.backstory.billing.PaymentRecord;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.RefundOutcome;
import org.backstory.billing.payment.Refunds;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a member (or staff) may do to a running subscription: cancel at the period end,
 * take the cancellation back, and, for staff, end it at once with a pro-rated refund.
 * Each refuses with a {@link SubscriptionChangeRefused} when the subscription's state
 * does not allow it.
 */
@Service
public class SubscriptionChanges {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionChanges.class);

	private final SubscriptionRepository subscriptions;

	private final SubscriptionEventLog events;

	private final PaymentRepository payments;

	private final Refunds refunds;

	private final TransactionTemplate transaction;

	private final StaffActions audit;

	private final Clock clock;

	SubscriptionChanges(SubscriptionRepository subscriptions, SubscriptionEventLog events, PaymentRepository payments,
			Refunds refunds, TransactionTemplate transaction, StaffActions audit, Clock clock) {
		this.subscriptions = subscriptions;
		this.events = events;
		this.payments = payments;
		this.refunds = refunds;
		this.transaction = transaction;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Cancels the member's subscription at the end of the period paid for (or of the
	 * trial): access runs until then, and nothing more is charged. A past-due
	 * subscription has no paid period left, so it ends now and its retries stop.
	 * @return the subscription as it now stands
	 */
	@Transactional
	public SubscriptionSummary cancel(long memberId) {
		Instant now = clock.instant();
		Subscription live = liveSubscription(memberId);
		if (live.comped()) {
			throw new SubscriptionChangeRefused("Complimentary access can only be changed by the publication's staff.");
		}
		if (live.status() == SubscriptionStatus.PAST_DUE) {
			SubscriptionLifecycle.MEMBER_CANCELS_UNPAID.require(live.status());
			subscriptions.end(live.id(), now, now);
			payments.closeAwaitingAuthentication(List.of(live.id()), now);
		}
		else {
			SubscriptionLifecycle.MEMBER_CANCELS.require(live.status());
			subscriptions.markCanceled(live.id(), now);
		}
		events.record(live.id(), live.status(), SubscriptionEventLog.Cause.CANCELED_BY_MEMBER,
				SubscriptionEventLog.Actor.member(memberId), now);
		log.info("Subscription canceled by member subscriptionId={} from={}", live.id(), live.status().code());
		return subscriptions.lock(live.id()).summary();
	}

	/**
	 * Takes back a cancellation before the period ends: the subscription renews as before
	 * (or goes on with its trial).
	 * @return the subscription as it now stands
	 */
	@Transactional
	public SubscriptionSummary resume(long memberId) {
		Instant now = clock.instant();
		Subscription live = liveSubscription(memberId);
		Instant periodEnd = live.currentPeriodEnd();
		if (live.status() == SubscriptionStatus.CANCELED && (periodEnd == null || !now.isBefore(periodEnd))) {
			throw new SubscriptionChangeRefused("Your subscription has ended.");
		}
		boolean inTrial = periodEnd != null && periodEnd.equals(live.trialEnd());
		SubscriptionStatus to = (inTrial ? SubscriptionLifecycle.RESUMED_TRIAL : SubscriptionLifecycle.RESUMED)
			.require(live.status());
		subscriptions.markResumed(live.id(), to, now);
		events.record(live.id(), live.status(), SubscriptionEventLog.Cause.RESUMED,
				SubscriptionEventLog.Actor.member(memberId), now);
		log.info("Subscription resumed subscriptionId={}", live.id());
		return subscriptions.lock(live.id()).summary();
	}

	/**
	 * Ends the member's subscription at once, on staff's say. With {@code refundUnused},
	 * the unused part of the current paid period is refunded pro rata to the day's
	 * second.
	 * @return the refund made, if any
	 */
	public Optional<RefundOutcome> cancelNow(long staffId, long memberId, boolean refundUnused) {
		// A call within this class would bypass @Transactional, so the ending gets its
		// transaction here; the
		// refund runs after it commits, as refunds ask the gateway outside any
		// transaction.
		Ended ended = Objects.requireNonNull(transaction.execute(status -> endNow(staffId, memberId)));
		if (!refundUnused || ended.refundable() == null || ended.unusedAmount() == 0) {
			return Optional.empty();
		}
		return Optional.of(refunds.refund(staffId, ended.refundable(), ended.unusedAmount(),
				"Unused part of a subscription canceled by staff", "cancel-" + ended.subscriptionId()));
	}

	private Ended endNow(long staffId, long memberId) {
		Instant now = clock.instant();
		Subscription live = liveSubscription(memberId);
		SubscriptionLifecycle.STAFF_CANCELS.require(live.status());
		subscriptions.end(live.id(), now, now);
		payments.closeAwaitingAuthentication(List.of(live.id()), now);
		events.record(live.id(), live.status(), SubscriptionEventLog.Cause.CANCELED_BY_STAFF,
				SubscriptionEventLog.Actor.staff(staffId), now);
		log.info("Subscription canceled by staff subscriptionId={} staffId={}", live.id(), staffId);
		audit.record(staffId, "member.canceled", "member " + memberId,
				"subscription " + live.id() + " ended at once, was " + live.status().code());
		Optional<PaymentRecord> paid = payments.paidFor(live.id(), live.currentPeriodStart());
		if (paid.isEmpty() || live.currentPeriodEnd() == null || live.status() == SubscriptionStatus.PAST_DUE) {
			return new Ended(live.id(), null, 0);
		}
		PaymentRecord payment = paid.get();
		long unused = unusedShare(payment.amount() - payment.refundedAmount(), live.currentPeriodStart(),
				Objects.requireNonNull(live.currentPeriodEnd()), now);
		return new Ended(live.id(), payment.id(), unused);
	}

	/**
	 * The share of {@code amount} for the part of the period after {@code now}, rounded
	 * down to a minor unit.
	 */
	public static long unusedShare(long amount, Instant periodStart, Instant periodEnd, Instant now) {
		if (!now.isBefore(periodEnd)) {
			return 0;
		}
		long total = Duration.between(periodStart, periodEnd).toSeconds();
		long left = Duration.between(now.isBefore(periodStart) ? periodStart : now, periodEnd).toSeconds();
		return Math.floorDiv(amount * left, total);
	}

	private Subscription liveSubscription(long memberId) {
		return subscriptions.lockLive(memberId)
			.filter(s -> s.status() != SubscriptionStatus.INCOMPLETE)
			.orElseThrow(() -> new SubscriptionChangeRefused("You don't have a subscription."));
	}

	/**
	 * What ending a subscription left to refund: the payment for the current period and
	 * its unused share.
	 */
	record Ended(long subscriptionId, @Nullable Long refundable, long unusedAmount) {
	}

	/**
	 * Sets aside the member's unfinished checkout (unless its payment is pending), so
	 * another way of subscribing can begin. Runs in the caller's transaction.
	 */
	public void expireAbandonedCheckout(long memberId, Instant now) {
		subscriptions.expireAbandonedCheckout(memberId, now)
			.ifPresent(id -> events.record(id, SubscriptionStatus.INCOMPLETE,
					SubscriptionEventLog.Cause.CHECKOUT_ABANDONED, SubscriptionEventLog.Actor.SYSTEM, now));
	}

}
