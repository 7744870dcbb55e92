package org.backstory.billing.planchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.subscription.EntitlementCache;
import org.backstory.billing.subscription.SubscriptionLifecycle;
import org.backstory.billing.subscription.SubscriptionRepository;
import org.backstory.billing.subscription.SubscriptionTerms;
import org.backstory.billing.subscription.SubscriptionTermsRepository;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The plan change rows that move a subscription to another plan or interval (its terms
 * are read through {@link SubscriptionTermsRepository}). Every change to a subscription
 * row makes {@link EntitlementCache} forget what it knew, as in
 * {@link SubscriptionRepository}.
 */
@Repository
class PlanChangeRepository {

	private static final String CHANGE = """
			select c.id, c.subscription_id, c.payment_id, c.from_plan_id, c.from_interval, c.from_period_start, c.plan_id,
			       p.code as plan_code, p.name as plan_name, p.tier, p.currency, c.billing_interval, c.price_amount,
			       c.period_start, c.period_end, c.credit_used, c.credit_added, c.status
			from billing.plan_change c join billing.plan p on p.id = c.plan_id
			""";

	private final JdbcClient jdbc;

	private final EntitlementCache entitlements;

	PlanChangeRepository(JdbcClient jdbc, EntitlementCache entitlements) {
		this.jdbc = jdbc;
		this.entitlements = entitlements;
	}

	/**
	 * The idempotency key of the member's plan change payment that never got an answer,
	 * if any.
	 */
	Optional<String> unsettledPaymentKey(long memberId) {
		return jdbc.sql("""
				select idempotency_key from billing.payment
				where member_id = :member and purpose = 'plan_change' and status = 'pending'
				order by created_at, id limit 1
				""").param("member", memberId).query(String.class).optional();
	}

	/** Records a plan change; its id. */
	long insert(NewPlanChange change, String status, @Nullable Instant appliedAt, Instant now) {
		return jdbc
			.sql("""
					insert into billing.plan_change (subscription_id, idempotency_key, payment_id, from_plan_id, from_interval,
					    from_period_start, plan_id, billing_interval, price_amount, period_start, period_end, credit_used,
					    credit_added, status, created_at, applied_at)
					values (:subscription, :key, :payment, :fromPlan, :fromInterval, :fromPeriodStart, :plan, :interval, :price,
					    :start, :end, :creditUsed, :creditAdded, :status, :now, :appliedAt)
					returning id
					""")
			.param("subscription", change.subscriptionId())
			.param("key", change.idempotencyKey())
			.param("payment", change.paymentId())
			.param("fromPlan", change.fromPlanId())
			.param("fromInterval", change.fromInterval().code())
			.param("fromPeriodStart", Timestamps.of(change.fromPeriodStart()))
			.param("plan", change.planId())
			.param("interval", change.interval().code())
			.param("price", change.price())
			.param("start", Timestamps.of(change.periodStart()))
			.param("end", Timestamps.of(change.periodEnd()))
			.param("creditUsed", change.creditUsed())
			.param("creditAdded", change.creditAdded())
			.param("status", status)
			.param("now", Timestamps.of(now))
			.param("appliedAt", Timestamps.of(appliedAt))
			.query(Long.class)
			.single();
	}

	PlanChange find(long id) {
		return jdbc.sql(CHANGE + " where c.id = :id").param("id", id).query((rs, row) -> change(rs)).single();
	}

	Optional<PlanChange> findByKey(String idempotencyKey) {
		return jdbc.sql(CHANGE + " where c.idempotency_key = :key")
			.param("key", idempotencyKey)
			.query((rs, row) -> change(rs))
			.optional();
	}

	Optional<PlanChange> findByPayment(long paymentId) {
		return jdbc.sql(CHANGE + " where c.payment_id = :payment")
			.param("payment", paymentId)
			.query((rs, row) -> change(rs))
			.optional();
	}

	/** The change a payment pays for, locked against a concurrent settlement. */
	Optional<PlanChange> lockByPayment(long paymentId) {
		return jdbc.sql(CHANGE + " where c.payment_id = :payment for update of c")
			.param("payment", paymentId)
			.query((rs, row) -> change(rs))
			.optional();
	}

	void markSettled(long id, String status, @Nullable Instant appliedAt) {
		jdbc.sql("update billing.plan_change set status = :status, applied_at = :at where id = :id")
			.param("id", id)
			.param("status", status)
			.param("at", Timestamps.of(appliedAt))
			.update();
	}

	/**
	 * Moves the subscription to the plan, interval and period of a change, and settles
	 * the credit: what the change used comes off the balance (never below zero, should a
	 * renewal have taken it meanwhile), what it left over goes on.
	 */
	void switchPlan(long subscriptionId, PlanChange change, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription
				set plan_id = :plan, tier = :tier, billing_interval = :interval, price_amount = :price,
				    currency = :currency, current_period_start = :start, current_period_end = :end, due_at = :end,
				    anchor_day = case when current_period_start = :start then anchor_day
				                      else extract(day from cast(:start as timestamptz) at time zone 'UTC') end,
				    credit_balance = credit_balance - least(credit_balance, :used) + :added, updated_at = :now
				where id = :id
				""")
			.param("id", subscriptionId)
			.param("plan", change.planId())
			.param("tier", change.tier())
			.param("interval", change.interval().code())
			.param("price", change.price())
			.param("currency", change.currency())
			.param("start", Timestamps.of(change.periodStart()))
			.param("end", Timestamps.of(change.periodEnd()))
			.param("used", change.creditUsed())
			.param("added", change.creditAdded())
			.param("now", Timestamps.of(now))
			.update();
	}

	/**
	 * Puts money the member paid for a change that could no longer be made on their
	 * credit balance.
	 */
	void addCredit(long subscriptionId, long amount, Instant now) {
		entitlements.invalidate();
		jdbc.sql(
				"""
						update billing.subscription set credit_balance = credit_balance + :amount, updated_at = :now where id = :id
						""")
			.param("id", subscriptionId)
			.param("amount", amount)
			.param("now", Timestamps.of(now))
			.update();
	}

	/** A plan change as stored, with the target plan's code, name, tier and currency. */
	record PlanChange(long id, long subscriptionId, @Nullable Long paymentId, long fromPlanId,
			BillingInterval fromInterval, Instant fromPeriodStart, long planId, String planCode, String planName,
			String tier, String currency, BillingInterval interval, long price, Instant periodStart, Instant periodEnd,
			long creditUsed, long creditAdded, String status) {

		/** Whether the subscription is still where it was when the change was priced. */
		boolean fits(SubscriptionTerms terms) {
			return SubscriptionLifecycle.PLAN_CHANGED.from(terms.status()).isPresent()
					&& Long.valueOf(fromPlanId).equals(terms.planId()) && fromInterval == terms.interval()
					&& fromPeriodStart.equals(terms.periodStart());
		}

	}

	/** A plan change about to be recorded. */
	record NewPlanChange(long subscriptionId, String idempotencyKey, @Nullable Long paymentId, long fromPlanId,
			BillingInterval fromInterval, Instant fromPeriodStart, long planId, BillingInterval interval, long price,
			Instant periodStart, Instant periodEnd, long creditUsed, long creditAdded) {
	}

	private static PlanChange change(ResultSet rs) throws SQLException {
		Long payment = Columns.nullableLong(rs, "payment_id");
		return new PlanChange(rs.getLong("id"), rs.getLong("subscription_id"), payment, rs.getLong("from_plan_id"),
				BillingInterval.fromCode(rs.getString("from_interval")).orElseThrow(),
				Timestamps.require(rs, "from_period_start"), rs.getLong("plan_id"), rs.getString("plan_code"),
				rs.getString("plan_name"), rs.getString("tier"), rs.getString("currency"),
				BillingInterval.fromCode(rs.getString("billing_interval")).orElseThrow(), rs.getLong("price_amount"),
				Timestamps.require(rs, "period_start"), Timestamps.require(rs, "period_end"), rs.getLong("credit_used"),
				rs.getLong("credit_added"), rs.getString("status"));
	}

}
