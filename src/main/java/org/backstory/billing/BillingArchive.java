package org.backstory.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.backstory.billing.ledger.RevenueFigures;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every plan, subscription, payment and subscription event, for the owner's export: the
 * rows a chunk at a time in id order, so a large publication never sits in memory and two
 * exports list them alike. Amounts are minor units with their currency. Run it inside one
 * read-only transaction for a consistent snapshot.
 */
@Service
public class BillingArchive {

	static final int CHUNK = 1_000;

	/**
	 * The columns of the export's subscriptions.csv, {@link ArchivedSubscription}'s
	 * fields with the member's address.
	 */
	public static final List<String> SUBSCRIPTION_COLUMNS = List.of("id", "member_id", "member_email", "plan", "tier",
			"interval", "price_amount", "currency", "status", "comped", "renews", "current_period_start",
			"current_period_end", "trial_end", "canceled_at", "coupon_id", "percent_off", "amount_off",
			"discount_ends_at", "gift_id", "created_at", "updated_at");

	/**
	 * The columns of the export's payments.csv, {@link ArchivedPayment}'s fields with the
	 * member's address.
	 */
	public static final List<String> PAYMENT_COLUMNS = List.of("id", "member_id", "member_email", "subscription_id",
			"purpose", "status", "amount", "list_amount", "discount_amount", "credit_applied", "refunded_amount",
			"currency", "invoice_number", "gateway", "gateway_charge_id", "failure_code", "period_start", "period_end",
			"created_at", "settled_at", "refunded_at");

	/**
	 * The columns of the export's subscription_events.csv, {@link ArchivedEvent}'s
	 * fields.
	 */
	public static final List<String> EVENT_COLUMNS = List.of("id", "subscription_id", "from_status", "to_status",
			"cause", "actor", "amount", "currency", "payment_id", "occurred_at", "kind", "mrr_after", "previous_paid",
			"previous_mrr", "previous_currency");

	private final JdbcClient jdbc;

	BillingArchive(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A subscription as stored; {@code plan}, {@code interval}, {@code price} and
	 * {@code currency} are null for a comp.
	 */
	public record ArchivedSubscription(long id, long memberId, @Nullable String plan, String tier,
			@Nullable String interval, @Nullable Long price, @Nullable String currency, String status, boolean comped,
			boolean renews, Instant currentPeriodStart, @Nullable Instant currentPeriodEnd, @Nullable Instant trialEnd,
			@Nullable Instant canceledAt, @Nullable Long couponId, @Nullable Integer percentOff,
			@Nullable Long amountOff, @Nullable Instant discountEndsAt, @Nullable Long giftId, Instant createdAt,
			Instant updatedAt) {

		/**
		 * The same subscription for the member with this id (a restore finds members by
		 * address).
		 */
		public ArchivedSubscription forMember(long member) {
			return new ArchivedSubscription(id, member, plan, tier, interval, price, currency, status, comped, renews,
					currentPeriodStart, currentPeriodEnd, trialEnd, canceledAt, couponId, percentOff, amountOff,
					discountEndsAt, giftId, createdAt, updatedAt);
		}

	}

	/**
	 * A payment attempt as stored, with what was refunded of it.
	 *
	 * @param memberId null once the member was forgotten (the row stays for the books)
	 * @param refundedAt when the last successful refund was settled, or null
	 */
	public record ArchivedPayment(long id, @Nullable Long memberId, @Nullable Long subscriptionId, String purpose,
			String status, long amount, long listAmount, long discountAmount, long creditApplied, long refundedAmount,
			String currency, @Nullable Long invoiceNumber, String gateway, @Nullable String gatewayChargeId,
			@Nullable String failureCode, @Nullable Instant periodStart, @Nullable Instant periodEnd, Instant createdAt,
			@Nullable Instant settledAt, @Nullable Instant refundedAt) {

		/**
		 * The same payment for the member with this id, or none (a forgotten member's).
		 */
		public ArchivedPayment forMember(@Nullable Long member) {
			return new ArchivedPayment(id, member, subscriptionId, purpose, status, amount, listAmount, discountAmount,
					creditApplied, refundedAmount, currency, invoiceNumber, gateway, gatewayChargeId, failureCode,
					periodStart, periodEnd, createdAt, settledAt, refundedAt);
		}

	}

	/**
	 * An entry of the subscription event log as stored, the history revenue figures are
	 * computed from (see {@link RevenueFigures}). It names no member, so it outlives one
	 * who was forgotten.
	 */
	public record ArchivedEvent(long id, long subscriptionId, @Nullable String fromStatus, String toStatus,
			String cause, String actor, @Nullable Long amount, @Nullable String currency, @Nullable Long paymentId,
			Instant occurredAt, String kind, long mrrAfter, boolean previousPaid, long previousMrr,
			@Nullable String previousCurrency) {
	}

	/** A plan and when it was created. */
	public record ArchivedPlan(Plan plan, Instant createdAt) {
	}

	/** Every plan, archived ones included, by display order and code. */
	public List<ArchivedPlan> plans() {
		return jdbc.sql("""
				select code, name, tier, description, currency, monthly_price, yearly_price, trial_days, active,
				  display_order, created_at from billing.plan order by display_order, code
				""")
			.query((rs,
					n) -> new ArchivedPlan(new Plan(rs.getString("code"), rs.getString("name"), rs.getString("tier"),
							rs.getString("description"), rs.getString("currency"), rs.getLong("monthly_price"),
							rs.getLong("yearly_price"), rs.getInt("trial_days"), rs.getBoolean("active"),
							rs.getInt("display_order")), Timestamps.require(rs, "created_at")))
			.list();
	}

	/** Hands every subscription to {@code consumer} a chunk at a time, by id. */
	public void forEachSubscriptionChunk(Consumer<List<ArchivedSubscription>> consumer) {
		chunks("""
				select s.*, p.code as plan_code from billing.subscription s
				left join billing.plan p on p.id = s.plan_id
				where s.id > ? order by s.id limit ?
				""", BillingArchive::subscription, ArchivedSubscription::id, consumer);
	}

	/** Hands every payment to {@code consumer} a chunk at a time, by id. */
	public void forEachPaymentChunk(Consumer<List<ArchivedPayment>> consumer) {
		chunks("""
				select p.*, (select max(r.settled_at) from billing.refund r
				  where r.payment_id = p.id and r.status = 'succeeded') as refunded_at
				from billing.payment p where p.id > ? order by p.id limit ?
				""", BillingArchive::payment, ArchivedPayment::id, consumer);
	}

	/** Hands every subscription event to {@code consumer} a chunk at a time, by id. */
	public void forEachEventChunk(Consumer<List<ArchivedEvent>> consumer) {
		chunks("select * from billing.subscription_event where id > ? order by id limit ?", BillingArchive::event,
				ArchivedEvent::id, consumer);
	}

	private interface RowReader<T> {

		T read(ResultSet rs) throws SQLException;

	}

	private <T> void chunks(String sql, RowReader<T> reader, ToLongFunction<T> id, Consumer<List<T>> consumer) {
		long after = 0;
		List<T> chunk;
		do {
			chunk = jdbc.sql(sql).params(after, CHUNK).query((rs, n) -> reader.read(rs)).list();
			if (!chunk.isEmpty()) {
				consumer.accept(chunk);
				after = id.applyAsLong(chunk.get(chunk.size() - 1));
			}
		}
		while (chunk.size() == CHUNK);
	}

	private static ArchivedSubscription subscription(ResultSet rs) throws SQLException {
		return new ArchivedSubscription(rs.getLong("id"), rs.getLong("member_id"), rs.getString("plan_code"),
				rs.getString("tier"), rs.getString("billing_interval"), rs.getObject("price_amount", Long.class),
				rs.getString("currency"), rs.getString("status"), rs.getBoolean("comped"), rs.getBoolean("renews"),
				Timestamps.require(rs, "current_period_start"), Timestamps.read(rs, "current_period_end"),
				Timestamps.read(rs, "trial_end"), Timestamps.read(rs, "canceled_at"),
				rs.getObject("coupon_id", Long.class), rs.getObject("percent_off", Integer.class),
				rs.getObject("amount_off", Long.class), Timestamps.read(rs, "discount_ends_at"),
				rs.getObject("gift_id", Long.class), Timestamps.require(rs, "created_at"),
				Timestamps.require(rs, "updated_at"));
	}

	private static ArchivedPayment payment(ResultSet rs) throws SQLException {
		return new ArchivedPayment(rs.getLong("id"), rs.getObject("member_id", Long.class),
				rs.getObject("subscription_id", Long.class), rs.getString("purpose"), rs.getString("status"),
				rs.getLong("amount"), rs.getLong("list_amount"), rs.getLong("discount_amount"),
				rs.getLong("credit_applied"), rs.getLong("refunded_amount"), rs.getString("currency"),
				rs.getObject("invoice_number", Long.class), rs.getString("gateway"), rs.getString("gateway_charge_id"),
				rs.getString("failure_code"), Timestamps.read(rs, "period_start"), Timestamps.read(rs, "period_end"),
				Timestamps.require(rs, "created_at"), Timestamps.read(rs, "settled_at"),
				Timestamps.read(rs, "refunded_at"));
	}

	private static ArchivedEvent event(ResultSet rs) throws SQLException {
		return new ArchivedEvent(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("from_status"),
				rs.getString("to_status"), rs.getString("cause"), rs.getString("actor"),
				rs.getObject("amount", Long.class), rs.getString("currency"), rs.getObject("payment_id", Long.class),
				Timestamps.require(rs, "occurred_at"), rs.getString("kind"), rs.getLong("mrr_after"),
				rs.getBoolean("previous_paid"), rs.getLong("previous_mrr"), rs.getString("previous_currency"));
	}

}
