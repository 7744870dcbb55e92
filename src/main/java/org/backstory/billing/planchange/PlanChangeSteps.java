package org.backstory.billing.planchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Money;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.card.CardRepository;
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
import org.backstory.billing.subscription.SubscriptionChangeRefused;
import org.backstory.billing.subscription.SubscriptionLifecycle;
import org.backstory.billing.subscription.SubscriptionTerms;
import org.backstory.billing.subscription.SubscriptionTermsRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pricing a plan change, and the two short transactions around its charge, as at
 * checkout: {@link #begin} applies a change that costs nothing at once, or commits a
 * pending payment and the pending change it pays for; {@link #settle} records the
 * gateway's answer and, on success, applies the change. No transaction is open while the
 * gateway works.
 */
@Component
class PlanChangeSteps implements ChargeSteps<PlanChangeOutcome> {

	private static final Logger log = LoggerFactory.getLogger(PlanChangeSteps.class);

	/**
	 * How long a quote shown to the member holds: confirming within it charges exactly
	 * what was shown.
	 */
	static final Duration QUOTE_HOLDS = Duration.ofMinutes(30);

	private final PlanChangeRepository changes;

	private final SubscriptionTermsRepository subscriptions;

	private final PaymentRepository payments;

	private final CardRepository cards;

	private final SubscriptionEventLog events;

	private final BillingMails mails;

	private final Clock clock;

	PlanChangeSteps(PlanChangeRepository changes, SubscriptionTermsRepository subscriptions, PaymentRepository payments,
			CardRepository cards, SubscriptionEventLog events, BillingMails mails, Clock clock) {
		this.changes = changes;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.cards = cards;
		this.events = events;
		this.mails = mails;
		this.clock = clock;
	}

	/**
	 * A change priced: what to charge now, the credit it uses and leaves, and the period
	 * the subscription is in afterwards.
	 *
	 * @param charge the charge for the difference; nothing is due when
	 * {@code charge.due()} is zero
	 * @param creditUsed taken off the subscription's credit balance
	 * @param creditAdded put on the credit balance
	 * @param chargedFrom start of the span the charge pays for
	 */
	record PricedChange(ChargeAmount charge, long creditUsed, long creditAdded, Instant periodStart, Instant periodEnd,
			Instant chargedFrom, boolean trial) {
	}

	/**
	 * What {@link #begin} did: charge this attempt, or nothing to charge, or another
	 * payment is under way.
	 */
	sealed interface Begun {

		record Proceed(PaymentAttempt attempt) implements Begun {
		}

		record Done(PlanChangeOutcome outcome) implements Begun {
		}

		record Busy() implements Begun {
		}

	}

	/**
	 * Refuses what no plan change can be made to: a comp, a gift, a subscription that is
	 * not trialing or active, or one whose renewal is due this very moment.
	 */
	static void requireChangeable(SubscriptionTerms terms, Instant now) {
		if (terms.comped()) {
			throw new SubscriptionChangeRefused("Complimentary access can only be changed by the publication's staff.");
		}
		if (!terms.renews()) {
			throw new SubscriptionChangeRefused("A gift subscription can't be moved to another plan.");
		}
		if (terms.seats() != null) {
			// Another plan's price covers one reader: the change would reprice the group
			// and drop the seats its readers hold.
			throw new SubscriptionChangeRefused("A group subscription can't be moved to another plan: its price "
					+ "covers its " + terms.seats() + " seats, and a change of plan would drop them. To change it, "
					+ "contact the publication.");
		}
		SubscriptionLifecycle.PLAN_CHANGED.require(terms.status());
		if (terms.periodEnd() == null || !now.isBefore(terms.periodEnd())) {
			throw new SubscriptionChangeRefused(
					"Your subscription is being renewed right now. Try again in a few minutes.");
		}
	}

	/**
	 * Prices moving {@code terms} to {@code plan} at {@code interval} as of {@code at}.
	 * In a trial only the plan changes: nothing is charged and the trial ends when it
	 * would have. Otherwise see {@link Proration}; credit the member already had pays
	 * what the unused part of the period does not.
	 */
	static PricedChange price(SubscriptionTerms terms, PlanCatalog.StoredPlan plan, BillingInterval interval,
			Instant at) {
		requireChangeable(terms, at);
		if (Long.valueOf(plan.id()).equals(terms.planId()) && interval == terms.interval()) {
			throw new SubscriptionChangeRefused("You're already on this plan.");
		}
		if (!plan.plan().currency().equals(terms.currency())) {
			throw new SubscriptionChangeRefused("That plan is charged in another currency.");
		}
		if (plan.group() != null && !Long.valueOf(plan.id()).equals(terms.planId())) {
			throw new SubscriptionChangeRefused("A group plan is bought at checkout, with its seats.");
		}
		Instant periodEnd = Objects.requireNonNull(terms.periodEnd());
		if (terms.status() == SubscriptionStatus.TRIALING) {
			return new PricedChange(ChargeAmount.of(0), 0, 0, terms.periodStart(), periodEnd, at, true);
		}
		long currentPrice = Objects.requireNonNull(terms.price());
		long newPrice = plan.plan().price(interval);
		Proration proration = interval == terms.interval()
				? Proration.sameInterval(currentPrice, newPrice, terms.discount(), terms.periodStart(), periodEnd, at)
				: Proration.newInterval(currentPrice, newPrice, interval, terms.discount(), terms.periodStart(),
						periodEnd, at);
		return new PricedChange(proration.charge(terms.creditBalance()), proration.balanceUsed(terms.creditBalance()),
				proration.creditAdded(), proration.periodStart(), proration.periodEnd(), at, false);
	}

	/**
	 * The moment a change is priced at: when the member was shown the price, if that was
	 * within {@link #QUOTE_HOLDS} and in the current period, so they pay what they saw;
	 * else now.
	 */
	static Instant pricedAt(SubscriptionTerms terms, @Nullable Instant quotedAt, Instant now) {
		if (quotedAt == null || quotedAt.isAfter(now) || quotedAt.isBefore(now.minus(QUOTE_HOLDS))
				|| quotedAt.isBefore(terms.periodStart())) {
			return now;
		}
		return quotedAt;
	}

	/**
	 * Locks the member's subscription and prices the change. A change that costs nothing
	 * is made here; for one that does, the pending payment (keyed {@code idempotencyKey})
	 * and the pending change are committed for the caller to charge.
	 */
	@Transactional
	Begun begin(long memberId, PlanCatalog.StoredPlan plan, BillingInterval interval, String idempotencyKey,
			@Nullable Instant quotedAt, String gateway) {
		Instant now = clock.instant();
		SubscriptionTerms terms = subscriptions.lockLiveTerms(memberId)
			.orElseThrow(() -> new SubscriptionChangeRefused("You don't have a subscription."));
		// Looked for under the lock: a double submit waits for the first to commit, then
		// finds its work.
		Optional<PaymentAttempt> samePayment = payments.findByKey(idempotencyKey);
		if (samePayment.isPresent()) {
			return new Begun.Proceed(samePayment.get());
		}
		Optional<PlanChangeRepository.PlanChange> sameChange = changes.findByKey(idempotencyKey);
		if (sameChange.isPresent()) {
			return new Begun.Done(changed(sameChange.get(), 0));
		}
		requireChangeable(terms, now);
		PricedChange priced = price(terms, plan, interval, pricedAt(terms, quotedAt, now));
		if (payments.pendingFor(terms.id()).isPresent()) {
			return new Begun.Busy();
		}
		ChargeAmount charge = priced.charge();
		if (charge.due() == 0) {
			long id = changes.insert(newChange(terms, plan, interval, priced, idempotencyKey, null), "applied", now,
					now);
			PlanChangeRepository.PlanChange change = changes.find(id);
			apply(terms, change, null, now);
			return new Begun.Done(changed(change, 0));
		}
		StoredCard card = cards.find(memberId)
			.orElseThrow(() -> new SubscriptionChangeRefused("Put a card on file first: this change costs "
					+ Money.format(charge.due(), plan.plan().currency()) + " now."));
		PaymentAttempt attempt = payments.insertPending(
				new NewPayment(memberId, terms.id(), PaymentPurpose.PLAN_CHANGE, charge, plan.plan().currency(),
						gateway, idempotencyKey, card, priced.chargedFrom(), priced.periodEnd()),
				now);
		changes.insert(newChange(terms, plan, interval, priced, idempotencyKey, attempt.id()), "pending", null, now);
		log.info("Plan change payment pending subscriptionId={} paymentId={} amount={}", terms.id(), attempt.id(),
				charge.due());
		return new Begun.Proceed(attempt);
	}

	@Override
	public PaymentPurpose purpose() {
		return PaymentPurpose.PLAN_CHANGE;
	}

	/**
	 * Records the gateway's answer to a plan change charge and, when it succeeded, makes
	 * the change. An answer someone else recorded first changes nothing and is reported
	 * as it stands.
	 */
	@Override
	@Transactional
	public PlanChangeOutcome settle(PaymentAttempt attempt, PaymentGateway.ChargeResult result) {
		Instant now = clock.instant();
		if (!payments.settle(attempt.id(), result, now)) {
			return outcomeOf(payments.findByKey(attempt.idempotencyKey()).orElseThrow());
		}
		PlanChangeRepository.PlanChange change = changes.lockByPayment(attempt.id()).orElseThrow();
		if (result instanceof PaymentGateway.ChargeResult.Declined declined) {
			changes.markSettled(change.id(), "declined", null);
			log.info("Plan change charge declined subscriptionId={} paymentId={} code={}", change.subscriptionId(),
					attempt.id(), declined.code());
			return new PlanChangeOutcome.Declined(declined.message());
		}
		mails.receipt(attempt.id());
		SubscriptionTerms terms = subscriptions.lockTerms(change.subscriptionId());
		if (!change.fits(terms)) {
			changes.addCredit(terms.id(), attempt.amount(), now);
			changes.markSettled(change.id(), "superseded", null);
			log.warn("Plan change paid after its subscription moved on; amount credited subscriptionId={} paymentId={}",
					terms.id(), attempt.id());
			return new PlanChangeOutcome.Superseded(attempt.amount(), attempt.currency());
		}
		changes.markSettled(change.id(), "applied", now);
		apply(terms, change, attempt, now);
		return changed(change, attempt.amount());
	}

	/** The outcome an already settled plan change payment stands for. */
	PlanChangeOutcome outcomeOf(PaymentAttempt settled) {
		if (settled.status() != PaymentStatus.SUCCEEDED) {
			String reason = settled.failureReason();
			return new PlanChangeOutcome.Declined(reason == null ? "Your card was declined." : reason);
		}
		PlanChangeRepository.PlanChange change = changes.findByPayment(settled.id()).orElseThrow();
		return "superseded".equals(change.status())
				? new PlanChangeOutcome.Superseded(settled.amount(), settled.currency())
				: changed(change, settled.amount());
	}

	private void apply(SubscriptionTerms terms, PlanChangeRepository.PlanChange change,
			@Nullable PaymentAttempt payment, Instant now) {
		changes.switchPlan(terms.id(), change, now);
		SubscriptionEventLog.Actor member = SubscriptionEventLog.Actor.member(terms.memberId());
		if (payment == null) {
			events.record(terms.id(), terms.status(), SubscriptionEventLog.Cause.PLAN_CHANGED, member, now);
		}
		else {
			events.record(terms.id(), terms.status(), SubscriptionEventLog.Cause.PLAN_CHANGED, member, payment, now);
		}
		log.info("Plan changed subscriptionId={} plan={} interval={} creditUsed={} creditAdded={}", terms.id(),
				change.planCode(), change.interval().code(), change.creditUsed(), change.creditAdded());
	}

	private static PlanChangeRepository.NewPlanChange newChange(SubscriptionTerms terms, PlanCatalog.StoredPlan plan,
			BillingInterval interval, PricedChange priced, String idempotencyKey, @Nullable Long paymentId) {
		return new PlanChangeRepository.NewPlanChange(terms.id(), idempotencyKey, paymentId,
				Objects.requireNonNull(terms.planId()), Objects.requireNonNull(terms.interval()), terms.periodStart(),
				plan.id(), interval, plan.plan().price(interval), priced.periodStart(), priced.periodEnd(),
				priced.creditUsed(), priced.creditAdded());
	}

	private static PlanChangeOutcome.Changed changed(PlanChangeRepository.PlanChange change, long charged) {
		return new PlanChangeOutcome.Changed(change.planName(), change.interval(), charged, change.creditAdded(),
				change.currency());
	}

}
