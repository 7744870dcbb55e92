package org.backstory.billing.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.billing.PaymentRecord;
import org.backstory.billing.PaymentSucceeded;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payment attempt rows: written pending before the gateway call, settled once with its
 * answer.
 */
@Repository
public class PaymentRepository {

	private static final String SELECT = """
			select id, member_id, subscription_id, purpose, gateway, amount, currency, status, idempotency_key,
			       failure_reason, card_customer_id, card_token, card_brand, card_last4, card_exp_month, card_exp_year,
			       period_start, period_end
			from billing.payment
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final ApplicationEventPublisher events;

	PaymentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public Optional<PaymentAttempt> findByKey(String idempotencyKey) {
		return jdbc.sql(SELECT + " where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/**
	 * The member's oldest checkout payment whose outcome was never recorded, e.g. after a
	 * crash.
	 */
	public Optional<PaymentAttempt> unsettledCheckout(long memberId) {
		return jdbc.sql(SELECT + """
				where member_id = :member and purpose = 'checkout' and status = 'pending'
				order by created_at, id limit 1
				""").param("member", memberId).query((rs, row) -> map(rs)).optional();
	}

	public Optional<PaymentAttempt> pendingFor(long subscriptionId) {
		return jdbc.sql(SELECT + " where subscription_id = :subscription and status = 'pending' limit 1")
			.param("subscription", subscriptionId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/**
	 * Whether a payment with the card {@code token} is pending: settling it will put that
	 * card on file. A renewal waiting for the member to authenticate it files nothing.
	 */
	public boolean pendingWithCard(String token) {
		return jdbc.sql("""
				select exists (select 1 from billing.payment
				               where card_token = :token and status = 'pending' and authentication_requested_at is null)
				""").param("token", token).query(Boolean.class).single();
	}

	/** Records a charge about to be made; its idempotency key must be new. */
	public PaymentAttempt insertPending(NewPayment payment, Instant now) {
		if (insert(List.of(payment), now)[0] == 0) {
			throw new IllegalStateException("a payment with idempotency key " + payment.idempotencyKey() + " exists");
		}
		return findByKey(payment.idempotencyKey()).orElseThrow();
	}

	/**
	 * Records charges about to be made, in one round trip, except those whose idempotency
	 * key exists (left pending by a run that crashed, or made by a concurrent run); the
	 * attempts for all the keys, new or not.
	 */
	public List<PaymentAttempt> insertPendingAll(List<NewPayment> newPayments, Instant now) {
		if (newPayments.isEmpty()) {
			return List.of();
		}
		insert(newPayments, now);
		return jdbc.sql(SELECT + " where idempotency_key = any(:keys)")
			.param("keys", newPayments.stream().map(NewPayment::idempotencyKey).toArray(String[]::new))
			.query((rs, row) -> map(rs))
			.list();
	}

	/**
	 * Inserts the payments that are new; per payment, 1 if it was inserted, 0 if its key
	 * existed.
	 */
	private int[] insert(List<NewPayment> newPayments, Instant now) {
		MapSqlParameterSource[] rows = newPayments.stream().map(payment -> {
			MapSqlParameterSource row = new MapSqlParameterSource(payment.columns());
			row.addValue("now", Timestamps.of(now));
			return row;
		}).toArray(MapSqlParameterSource[]::new);
		return batch.batchUpdate("""
				insert into billing.payment (member_id, subscription_id, purpose, amount, list_amount, discount_amount,
				    credit_applied, currency, status, gateway, idempotency_key, period_start, period_end,
				    card_customer_id, card_token, card_brand, card_last4, card_exp_month, card_exp_year, created_at)
				values (:member, :subscription, :purpose, :amount, :list, :discount, :credit, :currency, 'pending',
				    :gateway, :key, :periodStart, :periodEnd, :customer, :token, :brand, :last4, :expMonth, :expYear,
				    :now)
				on conflict (idempotency_key) do nothing
				""", rows);
	}

	/**
	 * Records the gateway's answer, once: false when another request recorded it first. A
	 * payment waiting for the member to authenticate it is settled only by its success
	 * (or closed by {@link #closeAwaitingAuthentication}): a failed attempt to
	 * authenticate leaves it for the member to try again.
	 */
	public boolean settle(long id, PaymentGateway.ChargeResult result, Instant now) {
		if (result instanceof PaymentGateway.ChargeResult.Succeeded succeeded) {
			return settleSucceeded(Map.of(id, succeeded.chargeId()), now).contains(id);
		}
		PaymentGateway.ChargeResult.Declined declined = (PaymentGateway.ChargeResult.Declined) result;
		return jdbc.sql("""
				update billing.payment
				set status = 'failed', gateway_charge_id = :charge, failure_code = :code, failure_reason = :reason,
				    settled_at = :now
				where id = :id and status = 'pending' and authentication_requested_at is null
				""")
			.param("charge", declined.chargeId())
			.param("code", declined.code())
			.param("reason", declined.message())
			.param("id", id)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/**
	 * Records that the member's bank wants them to authenticate this pending charge: it
	 * stays pending, now waiting for them. Once: false when it was recorded before or the
	 * payment is settled.
	 */
	public boolean awaitAuthentication(long id, PaymentGateway.ChargeResult.Declined answer, Instant now) {
		return jdbc.sql("""
				update billing.payment
				set authentication_requested_at = :now, gateway_charge_id = :charge, failure_code = :code,
				    failure_reason = :reason
				where id = :id and status = 'pending' and authentication_requested_at is null
				""")
			.param("charge", answer.chargeId())
			.param("code", answer.code())
			.param("reason", answer.message())
			.param("id", id)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/**
	 * Closes the payments of these subscriptions that still wait for their members to
	 * authenticate them, as failed: a new attempt, or the end of the subscription, takes
	 * their place, and their confirmation pages no longer offer them. Each held charge at
	 * the gateway becomes due for release ({@link HeldPaymentReleases}), after this
	 * transaction, so that it can no longer be paid.
	 */
	public void closeAwaitingAuthentication(Collection<Long> subscriptionIds, Instant now) {
		if (subscriptionIds.isEmpty()) {
			return;
		}
		jdbc.sql(
				"""
						update billing.payment
						set status = 'failed', failure_code = 'authentication_not_completed',
						    failure_reason = 'The payment was not confirmed in time.', settled_at = :now,
						    hold_release_due_at = case when gateway_charge_id is null then null else cast(:now as timestamptz) end
						where subscription_id = any(:ids) and status = 'pending' and authentication_requested_at is not null
						""")
			.param("ids", subscriptionIds.toArray(Long[]::new))
			.param("now", Timestamps.of(now))
			.update();
	}

	/**
	 * The member's payment {@code id} if their bank ever asked them to authenticate it;
	 * empty for anyone else's payment.
	 */
	public Optional<HeldPayment> held(long id, long memberId) {
		return jdbc.sql("""
				select p.id, p.amount, p.currency, p.status, p.idempotency_key, p.gateway_charge_id, p.card_token,
				       p.card_brand, p.card_last4
				from billing.payment p
				where p.id = :id and p.member_id = :member and p.authentication_requested_at is not null
				""")
			.param("id", id)
			.param("member", memberId)
			.query((rs, row) -> new HeldPayment(rs.getLong("id"), rs.getLong("amount"), rs.getString("currency"),
					PaymentStatus.fromCode(rs.getString("status")), rs.getString("idempotency_key"),
					rs.getString("gateway_charge_id"), rs.getString("card_token"), rs.getString("card_brand"),
					rs.getString("card_last4")))
			.optional();
	}

	/**
	 * A charge the member's bank held for them to authenticate.
	 *
	 * @param status pending while it waits for them
	 * @param chargeId the gateway's reference (Stripe: the PaymentIntent)
	 * @param cardToken the stored card charged (null once the member was forgotten)
	 */
	public record HeldPayment(long id, long amount, String currency, PaymentStatus status, String idempotencyKey,
			String chargeId, @Nullable String cardToken, @Nullable String cardBrand, @Nullable String cardLast4) {

		public boolean waiting() {
			return status == PaymentStatus.PENDING;
		}

	}

	/**
	 * Records money staff received outside the gateway (a bank transfer against an
	 * invoice) as a succeeded payment numbered with the invoice's own number, once per
	 * idempotency key, and announces it as every successful payment is announced.
	 * @return the payment, or empty when the key was recorded before
	 */
	public Optional<PaymentAttempt> recordPaidByHand(long memberId, long subscriptionId, long amount, String currency,
			long invoiceNumber, String reference, String idempotencyKey, Instant periodStart, Instant periodEnd,
			Instant paidAt) {
		Optional<Long> id = jdbc.sql("""
				insert into billing.payment (member_id, subscription_id, purpose, amount, list_amount, currency, status,
				    gateway, idempotency_key, gateway_charge_id, period_start, period_end, invoice_number, created_at,
				    settled_at)
				values (:member, :subscription, 'invoice', :amount, :amount, :currency, 'succeeded', 'invoice', :key,
				    :reference, :start, :end, :number, :paidAt, :paidAt)
				on conflict (idempotency_key) do nothing
				returning id
				""")
			.param("member", memberId)
			.param("subscription", subscriptionId)
			.param("amount", amount)
			.param("currency", currency)
			.param("key", idempotencyKey)
			.param("reference", reference)
			.param("start", Timestamps.of(periodStart))
			.param("end", Timestamps.of(periodEnd))
			.param("number", invoiceNumber)
			.param("paidAt", Timestamps.of(paidAt))
			.query(Long.class)
			.optional();
		id.ifPresent(paymentId -> events.publishEvent(new PaymentSucceeded(paymentId, memberId, subscriptionId,
				PaymentPurpose.INVOICE.code(), amount, currency, paidAt)));
		return id.flatMap(paymentId -> findByKey(idempotencyKey));
	}

	/**
	 * Records successful charges (payment id to the gateway's charge id) in one
	 * statement, each once, and numbers their invoices; the ids this call settled (not
	 * those another request settled first).
	 */
	public Set<Long> settleSucceeded(Map<Long, String> chargeIds, Instant now) {
		List<Long> ids = List.copyOf(chargeIds.keySet());
		List<PaymentSucceeded> settled = jdbc.sql("""
				update billing.payment p
				set status = 'succeeded', gateway_charge_id = x.charge, settled_at = :now,
				    invoice_number = nextval('billing.invoice_number_seq')
				from unnest(:ids, :charges) as x(id, charge)
				where p.id = x.id and p.status = 'pending'
				returning p.id, p.member_id, p.subscription_id, p.purpose, p.amount, p.currency
				""")
			.param("ids", ids.toArray(Long[]::new))
			.param("charges", ids.stream().map(chargeIds::get).toArray(String[]::new))
			.param("now", Timestamps.of(now))
			.query((rs, row) -> new PaymentSucceeded(rs.getLong("id"), rs.getObject("member_id", Long.class),
					rs.getObject("subscription_id", Long.class), rs.getString("purpose"), rs.getLong("amount"),
					rs.getString("currency"), now))
			.list();
		// Announced here, where every successful charge is recorded exactly once,
		// whichever flow made it.
		settled.forEach(events::publishEvent);
		return settled.stream().map(PaymentSucceeded::paymentId).collect(Collectors.toCollection(HashSet::new));
	}

	static final String RECORD = """
			select id, purpose, status, amount, list_amount, discount_amount, credit_applied, refunded_amount, currency,
			       invoice_number, card_brand, card_last4, failure_reason, period_start, period_end, created_at,
			       settled_at
			from billing.payment
			""";

	/**
	 * Those of the payments that succeeded, each with the member who paid (payments
	 * without one are left out).
	 */
	List<PaidBy> succeeded(Collection<Long> ids) {
		return jdbc.sql(RECORD.replace("select ", "select member_id, ") + """
				where id = any(:ids) and status = 'succeeded' and member_id is not null order by id
				""")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, row) -> new PaidBy(rs.getLong("member_id"), record(rs)))
			.list();
	}

	/** A successful payment and the member who made it. */
	record PaidBy(long memberId, PaymentRecord payment) {
	}

	/** The member's payments, newest first. */
	public List<PaymentRecord> history(long memberId) {
		return jdbc.sql(RECORD + " where member_id = :member order by created_at desc, id desc")
			.param("member", memberId)
			.query((rs, row) -> record(rs))
			.list();
	}

	public boolean hasAny(long memberId) {
		return jdbc.sql("select exists (select 1 from billing.payment where member_id = :member)")
			.param("member", memberId)
			.query(Boolean.class)
			.single();
	}

	Optional<PaymentRecord> record(long id) {
		return jdbc.sql(RECORD + " where id = :id").param("id", id).query((rs, row) -> record(rs)).optional();
	}

	/**
	 * The successful payment for the subscription's period starting at
	 * {@code periodStart}, if any.
	 */
	public Optional<PaymentRecord> paidFor(long subscriptionId, Instant periodStart) {
		return jdbc.sql(RECORD + """
				where subscription_id = :subscription and status = 'succeeded' and period_start = :start
				order by id desc limit 1
				""")
			.param("subscription", subscriptionId)
			.param("start", Timestamps.of(periodStart))
			.query((rs, row) -> record(rs))
			.optional();
	}

	/**
	 * Keeps the member's payments for the books but drops who made them and with which
	 * card.
	 */
	public void anonymise(long memberId) {
		jdbc.sql("""
				update billing.payment
				set member_id = null, card_customer_id = null, card_token = null, card_brand = null, card_last4 = null,
				    card_exp_month = null, card_exp_year = null
				where member_id = :member
				""").param("member", memberId).update();
	}

	static PaymentRecord record(ResultSet rs) throws SQLException {
		Long invoiceNumber = Columns.nullableLong(rs, "invoice_number");
		return new PaymentRecord(rs.getLong("id"), rs.getString("purpose"), rs.getString("status"),
				rs.getLong("amount"), rs.getLong("list_amount"), rs.getLong("discount_amount"),
				rs.getLong("credit_applied"), rs.getLong("refunded_amount"), rs.getString("currency"), invoiceNumber,
				rs.getString("card_brand"), rs.getString("card_last4"), rs.getString("failure_reason"),
				Timestamps.read(rs, "period_start"), Timestamps.read(rs, "period_end"),
				Timestamps.require(rs, "created_at"), Timestamps.read(rs, "settled_at"));
	}

	private static PaymentAttempt map(ResultSet rs) throws SQLException {
		String token = rs.getString("card_token");
		StoredCard card = token == null ? null
				: new StoredCard(rs.getString("card_customer_id"), token, rs.getString("card_brand"),
						rs.getString("card_last4"), rs.getInt("card_exp_month"), rs.getInt("card_exp_year"));
		Long subscriptionId = Columns.nullableLong(rs, "subscription_id");
		return new PaymentAttempt(rs.getLong("id"), rs.getLong("member_id"), subscriptionId,
				PaymentPurpose.fromCode(rs.getString("purpose")), rs.getString("gateway"), rs.getLong("amount"),
				rs.getString("currency"), PaymentStatus.fromCode(rs.getString("status")),
				rs.getString("idempotency_key"), rs.getString("failure_reason"), card,
				Timestamps.read(rs, "period_start"), Timestamps.read(rs, "period_end"));
	}

}
