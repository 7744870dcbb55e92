package org.backstory.billing.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.PaymentRecord;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refund rows: written pending before the gateway is asked, settled once with its answer;
 * and the payment rows' side of refunds (the refunded amount, the lock that serialises
 * two refunds of one payment).
 */
@Repository
class RefundRepository {

	private static final String SELECT = """
			select r.id, r.payment_id, r.amount, p.currency, p.gateway_charge_id, r.idempotency_key, r.status,
			       r.failure_reason, r.requested_by
			from billing.refund r join billing.payment p on p.id = r.payment_id
			""";

	private final JdbcClient jdbc;

	RefundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A refund attempt: what to ask the gateway, and where it stands.
	 *
	 * @param requestedBy who asked, as a {@link SubscriptionEventLog.Actor} code
	 */
	record PendingRefund(long id, long paymentId, long amount, String currency, String chargeId, String idempotencyKey,
			String status, String failureReason, String requestedBy) {

		PaymentGateway.Refund request() {
			return new PaymentGateway.Refund(chargeId, amount, currency, idempotencyKey);
		}

	}

	/**
	 * Files a refund made at the gateway as settled, unless a row for it exists already,
	 * by the gateway's refund id or by the idempotency key.
	 * @param requestedBy who made it, as a {@link SubscriptionEventLog.Actor} code
	 */
	void insertSettledUnlessKnown(long paymentId, long amount, String reason, String requestedBy, String key,
			String gatewayRefundId, Instant now) {
		jdbc.sql(
				"""
						insert into billing.refund (payment_id, amount, status, reason, requested_by, idempotency_key,
						    gateway_refund_id, created_at, settled_at)
						select :payment, :amount, 'succeeded', :reason, :actor, :key, :refund, :now, :now
						where not exists (select 1 from billing.refund where gateway_refund_id = :refund or idempotency_key = :key)
						on conflict (idempotency_key) do nothing
						""")
			.param("payment", paymentId)
			.param("amount", amount)
			.param("reason", reason)
			.param("actor", requestedBy)
			.param("key", key)
			.param("refund", gatewayRefundId)
			.param("now", Timestamps.of(now))
			.update();
	}

	Optional<PendingRefund> findByKey(String key) {
		return jdbc.sql(SELECT + " where r.idempotency_key = :key")
			.param("key", key)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/**
	 * Money promised back but not confirmed yet, which must be kept out of what may still
	 * be refunded.
	 */
	long pendingAmount(long paymentId) {
		return jdbc
			.sql("select coalesce(sum(amount), 0) from billing.refund where payment_id = :p and status = 'pending'")
			.param("p", paymentId)
			.query(Long.class)
			.single();
	}

	PendingRefund insertPending(long paymentId, long amount, String reason, String requestedBy, String key,
			Instant now) {
		long id = jdbc
			.sql("""
					insert into billing.refund (payment_id, amount, status, reason, requested_by, idempotency_key, created_at)
					values (:payment, :amount, 'pending', :reason, :by, :key, :now)
					returning id
					""")
			.param("payment", paymentId)
			.param("amount", amount)
			.param("reason", reason)
			.param("by", requestedBy)
			.param("key", key)
			.param("now", Timestamps.of(now))
			.query(Long.class)
			.single();
		return findByKey(key).filter(r -> r.id() == id).orElseThrow();
	}

	/** Records the answer once; false when another request recorded it first. */
	boolean settle(long id, PaymentGateway.RefundResult result, Instant now) {
		if (result instanceof PaymentGateway.RefundResult.Refunded refunded) {
			return jdbc.sql("""
					update billing.refund set status = 'succeeded', gateway_refund_id = :gatewayId, settled_at = :now
					where id = :id and status = 'pending'
					""")
				.param("id", id)
				.param("gatewayId", refunded.refundId())
				.param("now", Timestamps.of(now))
				.update() == 1;
		}
		return jdbc.sql("""
				update billing.refund set status = 'failed', failure_reason = :reason, settled_at = :now
				where id = :id and status = 'pending'
				""")
			.param("id", id)
			.param("reason", ((PaymentGateway.RefundResult.Refused) result).message())
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	List<PendingRefund> pending(Instant createdBefore) {
		return jdbc.sql(SELECT + " where r.status = 'pending' and r.created_at < :before order by r.id limit 100")
			.param("before", Timestamps.of(createdBefore))
			.query((rs, row) -> map(rs))
			.list();
	}

	private static PendingRefund map(ResultSet rs) throws SQLException {
		return new PendingRefund(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
	}

	/** Our payment that is {@code gateway}'s charge {@code chargeId}. */
	Optional<Long> idOfCharge(String gateway, String chargeId) {
		return jdbc.sql("select id from billing.payment where gateway_charge_id = :charge and gateway = :gateway")
			.param("charge", chargeId)
			.param("gateway", gateway)
			.query(Long.class)
			.optional();
	}

	/** Locks the payment, which must exist, until the transaction ends. */
	void lock(long id) {
		jdbc.sql("select id from billing.payment where id = :id for update").param("id", id).query(Long.class).single();
	}

	/** Which member a payment belongs to, locking it against concurrent refunds. */
	Optional<PaymentRecord> lockRecord(long id) {
		return jdbc.sql(PaymentRepository.RECORD + " where id = :id for update")
			.param("id", id)
			.query((rs, row) -> PaymentRepository.record(rs))
			.optional();
	}

	/**
	 * Brings the payment's refunded amount up to its succeeded refunds. Never lowers it:
	 * a gateway notification may already have set it to the gateway's own total, which
	 * counts the same refunds.
	 */
	void recountRefunded(long id) {
		jdbc.sql(
				"""
						update billing.payment
						set refunded_amount = greatest(refunded_amount, least(amount,
						    (select coalesce(sum(amount), 0) from billing.refund where payment_id = :id and status = 'succeeded')))
						where id = :id
						""")
			.param("id", id)
			.update();
	}

	/**
	 * Raises the payment's refunded amount to {@code amountRefunded} (at most the amount
	 * paid); never lowers it.
	 */
	void raiseRefunded(long id, long amountRefunded) {
		jdbc.sql("""
				update billing.payment set refunded_amount = least(amount, :refunded)
				where id = :id and refunded_amount < least(amount, :refunded)
				""").param("id", id).param("refunded", amountRefunded).update();
	}

}
