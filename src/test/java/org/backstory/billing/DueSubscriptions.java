package org.backstory.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.backstory.members.MembersProbe;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many members whose monthly subscription period has just ended, each with its own
 * sandbox card that always succeeds, written straight into the tables: for tests and
 * benchmarks of the renewal run at scale.
 */
public final class DueSubscriptions {

	private DueSubscriptions() {
	}

	/**
	 * Inserts {@code count} active monthly subscriptions of the plan with code
	 * {@code planCode} at $5 whose period ended a day before {@code now}, for fresh
	 * member ids starting at {@code firstMemberId}.
	 */
	public static void seed(JdbcClient jdbc, String planCode, long firstMemberId, int count, Instant now) {
		Instant end = now.minus(1, ChronoUnit.DAYS);
		Instant start = end.atZone(ZoneOffset.UTC).minusMonths(1).toInstant();
		MembersProbe.seed(jdbc, firstMemberId, count, "due", "billing.test", now);
		jdbc.sql("""
				insert into billing.sandbox_card (token, behaviour, created_at)
				select 'pm_sandbox_due_' || m, 'always_succeeds', :now
				from generate_series(:first, :first + :count - 1) m
				""").param("first", firstMemberId).param("count", count).param("now", Timestamp.from(now)).update();
		jdbc.sql("""
				insert into billing.card (member_id, gateway, gateway_customer_id, token, brand, last4, exp_month,
				    exp_year, created_at, updated_at)
				select m, 'sandbox', 'cus_sandbox_' || m, 'pm_sandbox_due_' || m, 'Visa', '4242', 12, 2099, :now, :now
				from generate_series(:first, :first + :count - 1) m
				""").param("first", firstMemberId).param("count", count).param("now", Timestamp.from(now)).update();
		jdbc.sql("""
				insert into billing.subscription (member_id, plan_id, tier, billing_interval, price_amount, currency,
				    status, comped, current_period_start, current_period_end, due_at, created_at, updated_at)
				select m, p.id, p.tier, 'month', 500, 'USD', 'active', false, :start, :end, :end, :start, :start
				from generate_series(:first, :first + :count - 1) m, billing.plan p
				where p.code = :plan
				""")
			.param("first", firstMemberId)
			.param("count", count)
			.param("plan", planCode)
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.update();
	}

	/**
	 * Moves the seeded subscriptions' due time to {@code at}, so a renewal run finds them
	 * only from then on.
	 */
	public static void dueAt(JdbcClient jdbc, long firstMemberId, int count, Instant at) {
		jdbc.sql("update billing.subscription set due_at = :at where member_id between :first and :first + :count - 1")
			.param("first", firstMemberId)
			.param("count", count)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Sandbox charges made for the seeded members' cards, succeeded or not. */
	public static long charges(JdbcClient jdbc, long firstMemberId, int count) {
		return jdbc.sql("""
				select count(*) from billing.sandbox_charge
				where token in (select 'pm_sandbox_due_' || m from generate_series(:first, :first + :count - 1) m)
				""").param("first", firstMemberId).param("count", count).query(Long.class).single();
	}

}
