package org.backstory.billing;

import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side reader of the billing module's tables, for other modules' tests: they count a
 * member's payments and subscriptions, read and put back billing's settings, and so on
 * through it instead of running SQL on {@code billing.*}. It runs SQL on billing's own
 * tables only and uses no billing main class, so it stays put while billing's classes
 * move between packages.
 */
public final class BillingProbe {

	private BillingProbe() {
	}

	/** How many payments (any status) a member has. */
	public static long paymentsOf(JdbcClient jdbc, long memberId) {
		return rowsFor(jdbc, "billing.payment", memberId);
	}

	/** How many payments there are. */
	public static long paymentCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from billing.payment").query(Long.class).single();
	}

	/** The id of a member's newest succeeded payment. */
	public static long lastSucceededPaymentOf(JdbcClient jdbc, long memberId) {
		return jdbc.sql("select max(id) from billing.payment where member_id = ? and status = 'succeeded'")
			.param(memberId)
			.query(Long.class)
			.single();
	}

	/**
	 * How many charges the sandbox gateway took with an idempotency key ending in
	 * {@code suffix}.
	 */
	public static long sandboxChargesWithKeyEndingIn(JdbcClient jdbc, String suffix) {
		return jdbc.sql("select count(*) from billing.sandbox_charge where idempotency_key like ?")
			.param("%" + suffix)
			.query(Long.class)
			.single();
	}

	/** How many subscriptions (any status) a member has. */
	public static long subscriptionsOf(JdbcClient jdbc, long memberId) {
		return rowsFor(jdbc, "billing.subscription", memberId);
	}

	/** How many subscriptions there are. */
	public static long subscriptionCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from billing.subscription").query(Long.class).single();
	}

	/** How many entries the subscriptions' history holds. */
	public static long subscriptionEventCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from billing.subscription_event").query(Long.class).single();
	}

	/**
	 * A member's subscription history, oldest first, one line an entry:
	 * {@code from>to cause[ amount]}, {@code null} for the first entry's from.
	 */
	public static List<String> historyOf(JdbcClient jdbc, long memberId) {
		return history(jdbc, memberId, " || coalesce(' ' || e.amount, '')");
	}

	/** A member's subscription history as {@code from>to cause}, without the amounts. */
	public static List<String> transitionsOf(JdbcClient jdbc, long memberId) {
		return history(jdbc, memberId, "");
	}

	private static List<String> history(JdbcClient jdbc, long memberId, String amount) {
		return jdbc.sql("""
				select coalesce(e.from_status, 'null') || '>' || e.to_status || ' ' || e.cause%s
				from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
				where s.member_id = :m order by e.id
				""".formatted(amount)).param("m", memberId).query(String.class).list();
	}

	/**
	 * How many rows of {@code table} (one of billing's tables with a {@code member_id},
	 * e.g. {@code billing.payment}) name the member.
	 */
	public static long rowsFor(JdbcClient jdbc, String table, long memberId) {
		return jdbc.sql("select count(*) from " + table + " where member_id = :m")
			.param("m", memberId)
			.query(Long.class)
			.single();
	}

	/** How many times a coupon has been redeemed, as the coupon's row counts it. */
	public static int timesRedeemed(JdbcClient jdbc, long couponId) {
		return jdbc.sql("select times_redeemed from billing.coupon where id = :id")
			.param("id", couponId)
			.query(Integer.class)
			.single();
	}

	/** How many plans there are, archived ones included. */
	public static long planCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from billing.plan").query(Long.class).single();
	}

	/**
	 * What {@code work} returns while the database refuses every new subscription row,
	 * for tests of a restore that must fail part way and write nothing.
	 */
	public static <T> T whileSubscriptionsRefused(JdbcClient jdbc, Supplier<T> work) {
		jdbc.sql("alter table billing.subscription add constraint probe_refuse check (id < 0) not valid").update();
		try {
			return work.get();
		}
		finally {
			jdbc.sql("alter table billing.subscription drop constraint probe_refuse").update();
		}
	}

	/** The grace period as stored, empty when it was never set. */
	public static Optional<Long> gracePeriodSeconds(JdbcClient jdbc) {
		return jdbc.sql("select grace_period_seconds from billing.settings")
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
			.single();
	}

	/** Puts back a grace period read with {@link #gracePeriodSeconds}, unset included. */
	public static void putBackGracePeriodSeconds(JdbcClient jdbc, Optional<Long> seconds) {
		jdbc.sql("update billing.settings set grace_period_seconds = :seconds")
			.param("seconds", seconds.orElse(null), Types.BIGINT)
			.update();
	}

}
