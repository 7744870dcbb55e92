package org.backstory.billing.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The invoices of group licences ({@code billing.group_invoice}), read with the
 * institution they bill, and the payment text printed on them.
 */
@Repository
class InvoiceRepository {

	private static final String SELECT = """
			select i.id, i.invoice_number, i.subscription_id, s.member_id, l.institution, l.billing_address,
			       l.contact_email, coalesce(p.name, 'Group licence') as plan_name, s.billing_interval, i.period_start,
			       i.period_end, i.seats, i.included_seats, i.base_amount, i.seat_price, i.amount, i.currency,
			       i.po_number, i.issued_at, i.due_at, i.status, i.paid_at, i.paid_reference, i.payment_id, i.voided_at
			from billing.group_invoice i
			join billing.subscription s on s.id = i.subscription_id
			join billing.invoice_licence l on l.subscription_id = i.subscription_id
			left join billing.plan p on p.id = s.plan_id
			""";

	private final JdbcClient jdbc;

	InvoiceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An invoice to issue for one period of a licence. */
	record NewInvoice(long subscriptionId, Instant periodStart, Instant periodEnd, int seats, int includedSeats,
			long baseAmount, long seatPrice, long amount, String currency, @Nullable String poNumber, Instant issuedAt,
			Instant dueAt) {
	}

	/**
	 * Issues the invoice with the next invoice number, unless the period has one already
	 * (so the invoice run issues each period's invoice once); its id, or empty.
	 */
	Optional<Long> issue(NewInvoice invoice) {
		return jdbc.sql("""
				insert into billing.group_invoice (invoice_number, subscription_id, period_start, period_end, seats,
				    included_seats, base_amount, seat_price, amount, currency, po_number, issued_at, due_at, status)
				values (nextval('billing.invoice_number_seq'), :subscription, :start, :end, :seats, :included, :base,
				    :seatPrice, :amount, :currency, :po, :issued, :due, 'open')
				on conflict (subscription_id, period_start) do nothing
				returning id
				""")
			.param("subscription", invoice.subscriptionId())
			.param("start", Timestamps.of(invoice.periodStart()))
			.param("end", Timestamps.of(invoice.periodEnd()))
			.param("seats", invoice.seats())
			.param("included", invoice.includedSeats())
			.param("base", invoice.baseAmount())
			.param("seatPrice", invoice.seatPrice())
			.param("amount", invoice.amount())
			.param("currency", invoice.currency())
			.param("po", invoice.poNumber())
			.param("issued", Timestamps.of(invoice.issuedAt()))
			.param("due", Timestamps.of(invoice.dueAt()))
			.query(Long.class)
			.optional();
	}

	Optional<GroupInvoice> find(long id) {
		return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query((rs, row) -> map(rs)).optional();
	}

	Optional<GroupInvoice> lock(long id) {
		return jdbc.sql(SELECT + " where i.id = :id for update of i")
			.param("id", id)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** The latest invoice of a licence, whose terms the next one copies. */
	Optional<GroupInvoice> latestOf(long subscriptionId) {
		return jdbc.sql(SELECT + " where i.subscription_id = :subscription order by i.period_start desc limit 1")
			.param("subscription", subscriptionId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** A licence's invoices, newest first. */
	List<GroupInvoice> ofSubscription(long subscriptionId) {
		return jdbc.sql(SELECT + " where i.subscription_id = :subscription order by i.period_start desc, i.id desc")
			.param("subscription", subscriptionId)
			.query((rs, row) -> map(rs))
			.list();
	}

	/**
	 * The newest 200 invoices, or those in one status ({@code OVERDUE}: open and past
	 * their due date at {@code now}; {@code OPEN}: open and not yet due).
	 */
	List<GroupInvoice> list(@Nullable InvoiceStatus status, Instant now) {
		String where = status == null ? "" : switch (status) {
			case OPEN -> " where i.status = 'open' and i.due_at > :now";
			case OVERDUE -> " where i.status = 'open' and i.due_at <= :now";
			case PAID -> " where i.status = 'paid'";
			case VOID -> " where i.status = 'void'";
		};
		return jdbc.sql(SELECT + where + " order by i.issued_at desc, i.id desc limit 200")
			.param("now", Timestamps.of(now))
			.query((rs, row) -> map(rs))
			.list();
	}

	/** Whether the licence has an open invoice due at or before {@code at}. */
	boolean hasOverdue(long subscriptionId, Instant at) {
		return jdbc.sql("""
				select exists (select 1 from billing.group_invoice
				               where subscription_id = :subscription and status = 'open' and due_at <= :at)
				""").param("subscription", subscriptionId).param("at", Timestamps.of(at)).query(Boolean.class).single();
	}

	/**
	 * The licences (running, not yet past due) with an open invoice past its due date,
	 * each with its earliest such invoice.
	 */
	List<Overdue> overdue(Instant now, int limit) {
		return jdbc.sql("""
				select distinct on (s.id) s.id, i.id as invoice_id, i.due_at
				from billing.subscription s join billing.group_invoice i on i.subscription_id = s.id
				where i.status = 'open' and i.due_at <= :now and s.payment_method = 'invoice' and s.status = 'active'
				order by s.id, i.due_at, i.id
				limit :limit
				""")
			.param("now", Timestamps.of(now))
			.param("limit", limit)
			.query((rs, row) -> new Overdue(rs.getLong("id"), rs.getLong("invoice_id"),
					Timestamps.require(rs, "due_at")))
			.list();
	}

	/** A licence whose invoice {@code invoiceId}, due at {@code dueAt}, is unpaid. */
	record Overdue(long subscriptionId, long invoiceId, Instant dueAt) {
	}

	boolean markPaid(long id, Instant paidAt, String reference, long paymentId) {
		return jdbc.sql("""
				update billing.group_invoice set status = 'paid', paid_at = :paidAt, paid_reference = :reference,
				    payment_id = :payment
				where id = :id and status = 'open'
				""")
			.param("id", id)
			.param("paidAt", Timestamps.of(paidAt))
			.param("reference", reference)
			.param("payment", paymentId)
			.update() == 1;
	}

	boolean markVoid(long id, Instant now) {
		return jdbc.sql(
				"update billing.group_invoice set status = 'void', voided_at = :now where id = :id and status = 'open'")
			.param("id", id)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	boolean moveDueDate(long id, Instant dueAt) {
		return jdbc.sql("update billing.group_invoice set due_at = :due where id = :id and status = 'open'")
			.param("id", id)
			.param("due", Timestamps.of(dueAt))
			.update() == 1;
	}

	/** The "How to pay" words staff set, if they set any. */
	Optional<String> paymentText() {
		return jdbc.sql("select invoice_payment_text from billing.settings")
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(text -> text);
	}

	void savePaymentText(@Nullable String text) {
		jdbc.sql("update billing.settings set invoice_payment_text = :text, updated_at = now()")
			.param("text", text)
			.update();
	}

	private static GroupInvoice map(ResultSet rs) throws SQLException {
		return new GroupInvoice(rs.getLong("id"), rs.getLong("invoice_number"), rs.getLong("subscription_id"),
				rs.getLong("member_id"), rs.getString("institution"), rs.getString("billing_address"),
				rs.getString("contact_email"), rs.getString("plan_name"),
				BillingInterval.fromCode(rs.getString("billing_interval")).orElseThrow(),
				Timestamps.require(rs, "period_start"), Timestamps.require(rs, "period_end"), rs.getInt("seats"),
				rs.getInt("included_seats"), rs.getLong("base_amount"), rs.getLong("seat_price"), rs.getLong("amount"),
				rs.getString("currency"), rs.getString("po_number"), Timestamps.require(rs, "issued_at"),
				Timestamps.require(rs, "due_at"), InvoiceStatus.fromCode(rs.getString("status")).orElseThrow(),
				Timestamps.read(rs, "paid_at"), rs.getString("paid_reference"), Columns.nullableLong(rs, "payment_id"),
				Timestamps.read(rs, "voided_at"));
	}

}
