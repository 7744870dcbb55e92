package org.backstory.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Payment attempt rows: written pending before the gateway call, settled once with its answer. */
@Repository
class PaymentRepository {

	private static final String SELECT = """
			select id, subscription_id, gateway, amount, currency, status, idempotency_key, failure_reason,
			       card_customer_id, card_token, card_brand, card_last4, card_exp_month, card_exp_year
			from billing.payment
			""";

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PaymentAttempt> findByKey(String idempotencyKey) {
		return jdbc.sql(SELECT + " where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** The member's oldest checkout payment whose outcome was never recorded, e.g. after a crash. */
	Optional<PaymentAttempt> unsettledCheckout(long memberId) {
		return jdbc.sql(SELECT + """
				where member_id = :member and purpose = 'checkout' and status = 'pending'
				order by created_at, id limit 1
				""").param("member", memberId).query((rs, row) -> map(rs)).optional();
	}

	Optional<PaymentAttempt> pendingFor(long subscriptionId) {
		return jdbc.sql(SELECT + " where subscription_id = :subscription and status = 'pending' limit 1")
			.param("subscription", subscriptionId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** Records a checkout charge about to be made. */
	PaymentAttempt insertPendingCheckout(long memberId, long subscriptionId, long amount, String currency,
			String gateway, String idempotencyKey, StoredCard card, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into billing.payment (member_id, subscription_id, purpose, amount, currency, status, gateway,
				    idempotency_key, card_customer_id, card_token, card_brand, card_last4, card_exp_month,
				    card_exp_year, created_at)
				values (:member, :subscription, 'checkout', :amount, :currency, 'pending', :gateway, :key,
				    :customer, :token, :brand, :last4, :expMonth, :expYear, :now)
				""")
			.param("member", memberId)
			.param("subscription", subscriptionId)
			.param("amount", amount)
			.param("currency", currency)
			.param("gateway", gateway)
			.param("key", idempotencyKey)
			.params(CardColumns.of(card))
			.param("now", Timestamps.of(now))
			.update(key, "id");
		return new PaymentAttempt(key.getKeyAs(Long.class), subscriptionId, gateway, amount, currency,
				PaymentStatus.PENDING, idempotencyKey, null, card);
	}

	/** Records the gateway's answer, once: false when another request recorded it first. */
	boolean settle(long id, PaymentGateway.ChargeResult result, Instant now) {
		JdbcClient.StatementSpec update;
		if (result instanceof PaymentGateway.ChargeResult.Declined declined) {
			update = jdbc.sql("""
					update billing.payment
					set status = 'failed', gateway_charge_id = :charge, failure_code = :code, failure_reason = :reason,
					    settled_at = :now
					where id = :id and status = 'pending'
					""")
				.param("charge", declined.chargeId())
				.param("code", declined.code())
				.param("reason", declined.message());
		}
		else {
			update = jdbc.sql("""
					update billing.payment set status = 'succeeded', gateway_charge_id = :charge, settled_at = :now
					where id = :id and status = 'pending'
					""").param("charge", ((PaymentGateway.ChargeResult.Succeeded) result).chargeId());
		}
		return update.param("id", id).param("now", Timestamps.of(now)).update() == 1;
	}

	/** Keeps the member's payments for the books but drops who made them and with which card. */
	void anonymise(long memberId) {
		jdbc.sql("""
				update billing.payment
				set member_id = null, card_customer_id = null, card_token = null, card_brand = null, card_last4 = null,
				    card_exp_month = null, card_exp_year = null
				where member_id = :member
				""").param("member", memberId).update();
	}

	private static PaymentAttempt map(ResultSet rs) throws SQLException {
		String token = rs.getString("card_token");
		StoredCard card = token == null ? null
				: new StoredCard(rs.getString("card_customer_id"), token, rs.getString("card_brand"),
						rs.getString("card_last4"), rs.getInt("card_exp_month"), rs.getInt("card_exp_year"));
		return new PaymentAttempt(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("gateway"),
				rs.getLong("amount"), rs.getString("currency"), PaymentStatus.fromCode(rs.getString("status")),
				rs.getString("idempotency_key"), rs.getString("failure_reason"), card);
	}

}
