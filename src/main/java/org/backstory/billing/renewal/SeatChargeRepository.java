package org.backstory.billing.renewal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.payment.StoredCard;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Seats added to groups mid-period ({@code billing.seat_charge}): one row per addition,
 * with its pro-rata charge, which the renewal run claims when due and settles.
 */
@Repository
class SeatChargeRepository {

	private static final String SELECT = """
			select sc.id, sc.subscription_id, s.member_id, sc.amount, sc.currency, sc.failed_attempts,
			       c.gateway_customer_id, c.token, c.brand, c.last4, c.exp_month, c.exp_year
			from billing.seat_charge sc
			join billing.subscription s on s.id = sc.subscription_id
			left join billing.card c on c.member_id = s.member_id
			""";

	private final JdbcClient jdbc;

	SeatChargeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an addition; false when this attempt was recorded already. A charge of
	 * nothing is recorded as {@code free}, anything else as {@code pending}, due at once.
	 */
	boolean insert(SeatCharges.NewSeatCharge charge, Instant now) {
		return jdbc.sql("""
				insert into billing.seat_charge (subscription_id, attempt, seats_added, amount, currency, days_left,
				    period_days, status, due_at, created_at)
				values (:subscription, :attempt, :seats, :amount, :currency, :daysLeft, :periodDays,
				    case when :amount = 0 then 'free' else 'pending' end,
				    case when :amount = 0 then null else cast(:now as timestamptz) end, :now)
				on conflict (subscription_id, attempt) do nothing
				""")
			.param("subscription", charge.subscriptionId())
			.param("attempt", charge.attempt())
			.param("seats", charge.seats())
			.param("amount", charge.amount())
			.param("currency", charge.currency())
			.param("daysLeft", charge.daysLeft())
			.param("periodDays", charge.periodDays())
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	boolean exists(long subscriptionId, String attempt) {
		return jdbc
			.sql("select exists (select 1 from billing.seat_charge where subscription_id = :s and attempt = :attempt)")
			.param("s", subscriptionId)
			.param("attempt", attempt)
			.query(Boolean.class)
			.single();
	}

	/** What the group's pending seat charges come to, in minor units. */
	long pendingAmount(long subscriptionId) {
		return jdbc.sql("""
				select coalesce(sum(amount), 0) from billing.seat_charge
				where subscription_id = :s and status = 'pending'
				""").param("s", subscriptionId).query(Long.class).single();
	}

	/**
	 * Locks up to {@code limit} pending charges that are due, skipping those another node
	 * holds, and lends them to the caller until {@code leaseUntil}: a node that dies
	 * before settling leaves them to be claimed again then.
	 */
	List<DueSeatCharge> claimDue(Instant now, int limit, Instant leaseUntil) {
		List<DueSeatCharge> due = jdbc.sql(SELECT + """
				where sc.status = 'pending' and sc.due_at <= :now
				order by sc.due_at
				limit :limit
				for update of sc skip locked
				""").param("now", Timestamps.of(now)).param("limit", limit).query((rs, row) -> map(rs)).list();
		if (!due.isEmpty()) {
			jdbc.sql("update billing.seat_charge set due_at = :lease where id = any(:ids)")
				.param("lease", Timestamps.of(leaseUntil))
				.param("ids", due.stream().map(DueSeatCharge::id).toArray(Long[]::new))
				.update();
		}
		return due;
	}

	/** Notes the payment made for the charge (the attempt the run is making now). */
	void attempted(long id, long paymentId) {
		jdbc.sql("update billing.seat_charge set payment_id = :payment where id = :id")
			.param("id", id)
			.param("payment", paymentId)
			.update();
	}

	/** The pending charge a payment was made for, locked. */
	Optional<DueSeatCharge> lockPendingOfPayment(long paymentId) {
		return jdbc.sql(SELECT + " where sc.payment_id = :payment and sc.status = 'pending' for update of sc")
			.param("payment", paymentId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	void paid(long id, Instant now) {
		jdbc.sql("update billing.seat_charge set status = 'paid', due_at = null, settled_at = :now where id = :id")
			.param("id", id)
			.param("now", Timestamps.of(now))
			.update();
	}

	/** A declined try: the next one at {@code retryAt}, or none ({@code failed}). */
	void declined(long id, int failedAttempts, @Nullable Instant retryAt, Instant now) {
		jdbc.sql("""
				update billing.seat_charge
				set failed_attempts = :failed, due_at = :retryAt,
				    status = case when cast(:retryAt as timestamptz) is null then 'failed' else 'pending' end,
				    settled_at = case when cast(:retryAt as timestamptz) is null then cast(:now as timestamptz) end
				where id = :id
				""")
			.param("id", id)
			.param("failed", failedAttempts)
			.param("retryAt", Timestamps.of(retryAt))
			.param("now", Timestamps.of(now))
			.update();
	}

	private static DueSeatCharge map(ResultSet rs) throws SQLException {
		String token = rs.getString("token");
		StoredCard card = token == null ? null : new StoredCard(rs.getString("gateway_customer_id"), token,
				rs.getString("brand"), rs.getString("last4"), rs.getInt("exp_month"), rs.getInt("exp_year"));
		return new DueSeatCharge(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("member_id"),
				rs.getLong("amount"), rs.getString("currency").strip(), rs.getInt("failed_attempts"), card);
	}

	/**
	 * A pending seat charge, its group's manager, and the card on file.
	 *
	 * @param failedAttempts tries the gateway declined so far
	 */
	record DueSeatCharge(long id, long subscriptionId, long memberId, long amount, String currency, int failedAttempts,
			@Nullable StoredCard card) {

		/** The idempotency key of this try: a retry is a new try, as for renewals. */
		String idempotencyKey() {
			return "seats-" + id + "-" + (failedAttempts + 1);
		}

	}

}
