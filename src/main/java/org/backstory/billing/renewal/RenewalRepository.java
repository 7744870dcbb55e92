package org.backstory.billing.renewal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.payment.Discount;
import org.backstory.billing.payment.StoredCard;
import org.backstory.billing.subscription.EntitlementCache;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subscription rows the renewal run claims and moves along. */
@Repository
class RenewalRepository {

	private static final String SELECT = """
			select s.id, s.member_id, s.status, s.comped, s.renews, s.billing_interval, s.price_amount, s.currency,
			       s.current_period_start, s.current_period_end, s.anchor_day, s.past_due_since, s.failed_attempts, s.credit_balance,
			       s.percent_off, s.amount_off, s.discount_ends_at,
			       c.gateway_customer_id, c.token, c.brand, c.last4, c.exp_month, c.exp_year
			from billing.subscription s left join billing.card c on c.member_id = s.member_id
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final EntitlementCache entitlements;

	RenewalRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, EntitlementCache entitlements) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.entitlements = entitlements;
	}

	/**
	 * Locks up to {@code limit} card-paid subscriptions that are due (an invoice licence
	 * is never charged by card: the invoice run renews it), skipping those another node
	 * holds, and lends them to the caller until {@code leaseUntil} (only the member's,
	 * when {@code memberId} is given): a node that crashes before settling them leaves
	 * them to be claimed again then.
	 */
	List<DueSubscription> claimDue(Instant now, int limit, Instant leaseUntil, @Nullable Long memberId) {
		List<DueSubscription> due = jdbc.sql(SELECT + """
				where s.due_at <= :now and s.status in ('trialing', 'active', 'past_due', 'canceled')
				  and s.payment_method = 'card'
				  and (cast(:member as bigint) is null or s.member_id = :member)
				order by s.due_at
				limit :limit
				for update of s skip locked
				""")
			.param("now", Timestamps.of(now))
			.param("limit", limit)
			.param("member", memberId)
			.query((rs, row) -> map(rs))
			.list();
		if (!due.isEmpty()) {
			jdbc.sql("update billing.subscription set due_at = :lease where id = any(:ids)")
				.param("lease", Timestamps.of(leaseUntil))
				.param("ids", due.stream().map(DueSubscription::id).toArray(Long[]::new))
				.update();
		}
		return due;
	}

	/**
	 * Locks subscriptions for settling charges made for them, in id order (so two
	 * settlers never deadlock).
	 */
	Map<Long, DueSubscription> lockAll(Collection<Long> ids) {
		return jdbc.sql(SELECT + " where s.id = any(:ids) order by s.id for update of s")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, row) -> map(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(DueSubscription::id, Function.identity()));
	}

	/** Locks one subscription for settling a charge made for it. */
	DueSubscription lock(long id) {
		return jdbc.sql(SELECT + " where s.id = :id for update of s")
			.param("id", id)
			.query((rs, row) -> map(rs))
			.single();
	}

	/**
	 * Makes a past-due subscription due at once, e.g. because its card was just replaced.
	 */
	boolean dueNow(long memberId, Instant now) {
		return jdbc.sql("""
				update billing.subscription set due_at = :now
				where member_id = :member and status = 'past_due'
				""").param("member", memberId).param("now", Timestamps.of(now)).update() == 1;
	}

	/**
	 * A period to start.
	 *
	 * @param paymentId the payment that paid for it, whose applied credit comes off the
	 * balance; null when no payment was needed, and {@code creditUsed} comes off instead
	 */
	record Renewal(long subscriptionId, SubscriptionStatus status, Instant periodStart, Instant periodEnd,
			@Nullable Long paymentId, long creditUsed) {
	}

	/** Starts each period and clears any dunning, in one round trip. */
	void renewAll(List<Renewal> renewals, Instant now) {
		if (renewals.isEmpty()) {
			return;
		}
		entitlements.invalidate();
		batch.batchUpdate("""
				update billing.subscription
				set status = :status, current_period_start = :start, current_period_end = :end, due_at = :end,
				    past_due_since = null, failed_attempts = 0, updated_at = :now,
				    credit_balance = credit_balance
				        - coalesce((select credit_applied from billing.payment where id = :payment), :credit)
				where id = :id
				""",
				renewals.stream()
					.map(renewal -> new MapSqlParameterSource().addValue("id", renewal.subscriptionId())
						.addValue("status", renewal.status().code())
						.addValue("start", Timestamps.of(renewal.periodStart()))
						.addValue("end", Timestamps.of(renewal.periodEnd()))
						.addValue("payment", renewal.paymentId(), Types.BIGINT)
						.addValue("credit", renewal.creditUsed())
						.addValue("now", Timestamps.of(now)))
					.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * Records a declined renewal: past due since the first decline, looked at again at
	 * {@code retryAt}.
	 */
	void pastDue(long id, Instant pastDueSince, int failedAttempts, Instant retryAt, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription
				set status = 'past_due', past_due_since = :since, failed_attempts = :failed, due_at = :retry,
				    updated_at = :now
				where id = :id
				""")
			.param("id", id)
			.param("since", Timestamps.of(pastDueSince))
			.param("failed", failedAttempts)
			.param("retry", Timestamps.of(retryAt))
			.param("now", Timestamps.of(now))
			.update();
	}

	private static DueSubscription map(ResultSet rs) throws SQLException {
		String interval = rs.getString("billing_interval");
		Long price = Columns.nullableLong(rs, "price_amount");
		Integer percent = Columns.nullableInt(rs, "percent_off");
		Long amount = Columns.nullableLong(rs, "amount_off");
		String token = rs.getString("token");
		StoredCard card = token == null ? null : new StoredCard(rs.getString("gateway_customer_id"), token,
				rs.getString("brand"), rs.getString("last4"), rs.getInt("exp_month"), rs.getInt("exp_year"));
		return new DueSubscription(rs.getLong("id"), rs.getLong("member_id"),
				SubscriptionStatus.fromCode(rs.getString("status")), rs.getBoolean("comped"), rs.getBoolean("renews"),
				interval == null ? null : BillingInterval.fromCode(interval).orElseThrow(), price,
				rs.getString("currency"), Timestamps.require(rs, "current_period_start"),
				Timestamps.read(rs, "current_period_end"), Columns.nullableInt(rs, "anchor_day"),
				Timestamps.read(rs, "past_due_since"), rs.getInt("failed_attempts"), rs.getLong("credit_balance"),
				new Discount(percent, amount, Timestamps.read(rs, "discount_ends_at")), card);
	}

}
