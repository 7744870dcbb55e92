package org.backstory.billing.planchange;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentGatewayException;
import org.backstory.billing.payment.PaymentRepository;
import org.backstory.billing.payment.PaymentStatus;
import org.backstory.billing.subscription.SubscriptionChangeRefused;
import org.backstory.billing.subscription.SubscriptionTerms;
import org.backstory.billing.subscription.SubscriptionTermsRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moving a subscription to another plan or interval (monthly ↔ yearly, tier up or down),
 * with proration. In a trial the plan changes at once and nothing is charged. Otherwise
 * the unused part of the current period is credited against the new price (see
 * {@link Proration}); what is still owed is charged at once, like a checkout: a pending
 * payment is committed before the gateway is asked with a key derived from the
 * confirmation's attempt id, so confirming twice charges once. The change is made when
 * the charge succeeds, and not at all when it is declined. A change that leaves the
 * member owed money puts it on the subscription's credit balance, which the renewal run
 * takes off the next charges.
 */
@Service
public class PlanChanges {

	private static final Logger log = LoggerFactory.getLogger(PlanChanges.class);

	private final PlanCatalog plans;

	private final PlanChangeRepository changes;

	private final SubscriptionTermsRepository subscriptions;

	private final PaymentRepository payments;

	private final PlanChangeSteps steps;

	private final PaymentGateway gateway;

	private final Clock clock;

	PlanChanges(PlanCatalog plans, PlanChangeRepository changes, SubscriptionTermsRepository subscriptions,
			PaymentRepository payments, PlanChangeSteps steps, PaymentGateway gateway, Clock clock) {
		this.plans = plans;
		this.changes = changes;
		this.subscriptions = subscriptions;
		this.payments = payments;
		this.steps = steps;
		this.gateway = gateway;
		this.clock = clock;
	}

	/**
	 * Every plan and interval the member could move to now, priced, in the plans' display
	 * order.
	 * @throws SubscriptionChangeRefused when the member's subscription cannot change plan
	 * at all
	 */
	public List<PlanChangeQuote> quotes(long memberId) {
		Instant now = quoteTime();
		SubscriptionTerms terms = liveTerms(memberId);
		PlanChangeSteps.requireChangeable(terms, now);
		List<PlanChangeQuote> quotes = new ArrayList<>();
		for (Plan plan : plans.activePlans()) {
			PlanCatalog.StoredPlan stored = plans.find(plan.code()).orElseThrow();
			for (BillingInterval interval : BillingInterval.values()) {
				boolean current = Long.valueOf(stored.id()).equals(terms.planId()) && interval == terms.interval();
				if (!current && plan.currency().equals(terms.currency())
						&& (stored.group() == null || Long.valueOf(stored.id()).equals(terms.planId()))) {
					quotes.add(quote(terms, stored, interval, now));
				}
			}
		}
		return quotes;
	}

	/**
	 * What moving to {@code planCode} at {@code interval} costs now.
	 * @throws SubscriptionChangeRefused when the subscription cannot make this change, or
	 * the plan is not offered
	 */
	public PlanChangeQuote quote(long memberId, String planCode, BillingInterval interval) {
		return quote(liveTerms(memberId), activePlan(planCode), interval, quoteTime());
	}

	/** Quotes are made to the second: the moment travels through a form with them. */
	private Instant quoteTime() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * Moves the member's subscription to {@code planCode} at {@code interval}, charging
	 * the difference.
	 * @param attemptId identifies this confirmation: confirming it again (a double
	 * submit, a retry after no answer) charges once
	 * @param quotedAt when the member was shown the price (see
	 * {@link PlanChangeQuote#quotedAt()}); within half an hour, the change is priced as
	 * of then, so they pay what they saw
	 * @throws SubscriptionChangeRefused when the subscription cannot make this change,
	 * the plan is not offered, or a charge is due and there is no card on file
	 */
	public PlanChangeOutcome change(long memberId, String planCode, BillingInterval interval, UUID attemptId,
			@Nullable Instant quotedAt) {
		String key = "plan-change-" + memberId + "-" + attemptId;
		Optional<PaymentAttempt> sameAttempt = payments.findByKey(key);
		if (sameAttempt.isPresent()) {
			return charge(sameAttempt.get());
		}
		PlanCatalog.StoredPlan plan = activePlan(planCode);
		changes.unsettledPaymentKey(memberId).flatMap(payments::findByKey).ifPresent(this::charge);
		PlanChangeSteps.Begun begun = steps.begin(memberId, plan, interval, key, quotedAt, gateway.name());
		if (begun instanceof PlanChangeSteps.Begun.Proceed proceed) {
			return charge(proceed.attempt());
		}
		if (begun instanceof PlanChangeSteps.Begun.Done done) {
			return done.outcome();
		}
		return new PlanChangeOutcome.InProgress();
	}

	/**
	 * Charges a pending attempt (again: the gateway answers a repeated key with its first
	 * answer).
	 */
	private PlanChangeOutcome charge(PaymentAttempt attempt) {
		if (attempt.status() != PaymentStatus.PENDING) {
			return steps.outcomeOf(attempt);
		}
		PaymentGateway.ChargeResult result;
		try {
			result = gateway.charge(attempt.charge());
		}
		catch (PaymentGatewayException ex) {
			log.warn("Plan change charge not confirmed paymentId={} reason={}", attempt.id(), ex.getMessage());
			return new PlanChangeOutcome.NotConfirmed();
		}
		return steps.settle(attempt, result);
	}

	private PlanChangeQuote quote(SubscriptionTerms terms, PlanCatalog.StoredPlan plan, BillingInterval interval,
			Instant at) {
		PlanChangeSteps.PricedChange priced = PlanChangeSteps.price(terms, plan, interval, at);
		return new PlanChangeQuote(plan.plan().code(), plan.plan().name(), interval, plan.plan().price(interval),
				plan.plan().currency(), priced.charge().credit(), priced.charge().due(), priced.creditAdded(),
				priced.periodEnd(), priced.trial(), at);
	}

	private SubscriptionTerms liveTerms(long memberId) {
		return subscriptions.liveTerms(memberId)
			.orElseThrow(() -> new SubscriptionChangeRefused("You don't have a subscription."));
	}

	private PlanCatalog.StoredPlan activePlan(String planCode) {
		return plans.find(planCode)
			.filter(p -> p.plan().active())
			.orElseThrow(() -> new SubscriptionChangeRefused("That plan isn't offered any more."));
	}

}
