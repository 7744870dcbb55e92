package org.backstory.billing.gift;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.backstory.billing.PlanCatalog;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gift rows: written with the pending payment, bought when it succeeds, redeemed once.
 */
@Repository
public class GiftRepository {

	private static final String SELECT = """
			select g.id, g.buyer_member_id, g.buyer_name, g.recipient_email, g.message, p.code as plan_code,
			       p.name as plan_name, g.months, g.amount, g.currency, g.status, g.payment_id
			from billing.gift g join billing.plan p on p.id = g.plan_id
			""";

	private final JdbcClient jdbc;

	GiftRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises the requests of one gift form until the transaction ends, so a double
	 * submit finds the first one's payment instead of writing a second.
	 */
	void lockAttempt(String idempotencyKey) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", idempotencyKey)
			.query()
			.singleRow();
	}

	void insert(GiftPurchase purchase, PlanCatalog.StoredPlan plan, long amount, long paymentId, Instant now) {
		jdbc.sql(
				"""
						insert into billing.gift (buyer_member_id, buyer_name, recipient_email, message, plan_id, months, amount,
						    currency, status, payment_id, created_at)
						values (:buyer, :buyerName, :recipient, :message, :plan, :months, :amount, :currency, 'pending', :payment,
						    :now)
						""")
			.param("buyer", purchase.buyerId())
			.param("buyerName", purchase.buyerName())
			.param("recipient", purchase.recipientEmail())
			.param("message", purchase.message() == null ? "" : purchase.message())
			.param("plan", plan.id())
			.param("months", purchase.months())
			.param("amount", amount)
			.param("currency", plan.plan().currency())
			.param("payment", paymentId)
			.param("now", Timestamps.of(now))
			.update();
	}

	Optional<Gift> findByPayment(long paymentId) {
		return jdbc.sql(SELECT + " where g.payment_id = :payment")
			.param("payment", paymentId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	Optional<Gift> findByToken(byte[] tokenHash) {
		return jdbc.sql(SELECT + " where g.token_hash = :hash")
			.param("hash", tokenHash)
			.query((rs, row) -> map(rs))
			.optional();
	}

	void fail(long id) {
		jdbc.sql("update billing.gift set status = 'failed' where id = :id and status = 'pending'")
			.param("id", id)
			.update();
	}

	void purchase(long id, byte[] tokenHash, Instant now) {
		jdbc.sql("""
				update billing.gift set status = 'purchased', token_hash = :hash, purchased_at = :now
				where id = :id and status = 'pending'
				""").param("id", id).param("hash", tokenHash).param("now", Timestamps.of(now)).update();
	}

	/**
	 * Marks the gift redeemed by the member if nobody has redeemed it yet. Of two members
	 * redeeming at once, the second waits for the first's row lock and then finds it
	 * redeemed.
	 * @return whether this call redeemed it
	 */
	boolean redeem(long id, long memberId, Instant now) {
		return jdbc.sql("""
				update billing.gift set status = 'redeemed', redeemed_by = :member, redeemed_at = :now
				where id = :id and status = 'purchased'
				""").param("id", id).param("member", memberId).param("now", Timestamps.of(now)).update() == 1;
	}

	void linkSubscription(long id, long subscriptionId) {
		jdbc.sql("update billing.gift set subscription_id = :subscription where id = :id")
			.param("id", id)
			.param("subscription", subscriptionId)
			.update();
	}

	/**
	 * Drops the member's name and address from gifts they bought or redeemed; the gifts
	 * stay for the books.
	 */
	public void forgetMember(long memberId) {
		jdbc.sql("update billing.gift set buyer_member_id = null, buyer_name = null where buyer_member_id = :member")
			.param("member", memberId)
			.update();
		jdbc.sql("update billing.gift set redeemed_by = null, recipient_email = null where redeemed_by = :member")
			.param("member", memberId)
			.update();
	}

	private static Gift map(ResultSet rs) throws SQLException {
		Long buyerId = Columns.nullableLong(rs, "buyer_member_id");
		return new Gift(rs.getLong("id"), buyerId, rs.getString("buyer_name"), rs.getString("recipient_email"),
				rs.getString("message"), rs.getString("plan_code"), rs.getString("plan_name"), rs.getInt("months"),
				rs.getLong("amount"), rs.getString("currency"), Gift.Status.fromCode(rs.getString("status")),
				rs.getLong("payment_id"));
	}

}
