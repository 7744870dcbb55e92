package org.backstory.billing.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.subscription.EntitlementCache;
import org.backstory.shared.Columns;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Licences sold by invoice: who they bill ({@code billing.invoice_licence}) and the moves
 * of their subscription rows that only invoice licences make, as the renewal run's
 * repository makes those of card subscriptions. Every move makes {@link EntitlementCache}
 * forget, so the seats read the new state on their next page.
 */
@Repository
class LicenceRepository {

	private static final String SELECT = """
			select s.id, s.member_id, s.status, s.billing_interval, s.price_amount, s.currency, s.seats,
			       s.current_period_start, s.current_period_end, s.anchor_day, s.past_due_since,
			       l.institution, l.contact_email, l.payment_terms, l.po_number, coalesce(p.name, 'Group licence') as plan_name
			from billing.subscription s
			join billing.invoice_licence l on l.subscription_id = s.id
			left join billing.plan p on p.id = s.plan_id
			""";

	private final JdbcClient jdbc;

	private final EntitlementCache entitlements;

	LicenceRepository(JdbcClient jdbc, EntitlementCache entitlements) {
		this.jdbc = jdbc;
		this.entitlements = entitlements;
	}

	/**
	 * Makes a new subscription an invoice licence: never charged by card, nothing due for
	 * the renewal run, renewing on its start's day of the month.
	 */
	void insert(long subscriptionId, LicenceSale sale, long staffId, Instant now) {
		entitlements.invalidate();
		jdbc.sql("""
				update billing.subscription
				set payment_method = 'invoice', due_at = null,
				    anchor_day = extract(day from current_period_start at time zone 'UTC')
				where id = :id
				""").param("id", subscriptionId).update();
		jdbc.sql("""
				insert into billing.invoice_licence (subscription_id, institution, billing_address, contact_email,
				    payment_terms, po_number, sold_by, sold_at)
				values (:id, :institution, :address, :contact, :terms, :po, :staff, :now)
				""")
			.param("id", subscriptionId)
			.param("institution", sale.institution())
			.param("address", sale.billingAddress())
			.param("contact", sale.contactEmail())
			.param("terms", sale.paymentTerms())
			.param("po", sale.poNumber())
			.param("staff", staffId)
			.param("now", Timestamps.of(now))
			.update();
	}

	Optional<InvoiceLicence> lock(long subscriptionId) {
		return jdbc.sql(SELECT + " where s.id = :id for update of s")
			.param("id", subscriptionId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	/** Every licence, the running ones first, newest first. */
	List<InvoiceLicence> all() {
		return jdbc.sql(SELECT + """
				order by s.status = 'expired', l.sold_at desc, s.id desc limit 200
				""").query((rs, row) -> map(rs)).list();
	}

	/**
	 * Running licences whose period has ended, locked (skipping those another node
	 * holds).
	 */
	List<InvoiceLicence> periodEnded(Instant now, int limit) {
		return jdbc.sql(SELECT + """
				where s.payment_method = 'invoice' and s.status in ('active', 'past_due', 'canceled')
				  and s.current_period_end <= :now
				order by s.current_period_end limit :limit
				for update of s skip locked
				""").param("now", Timestamps.of(now)).param("limit", limit).query((rs, row) -> map(rs)).list();
	}

	/** Past-due licences whose unpaid invoice fell due at or before {@code cutoff}. */
	List<InvoiceLicence> pastDueSince(Instant cutoff, int limit) {
		return jdbc.sql(SELECT + """
				where s.payment_method = 'invoice' and s.status = 'past_due' and s.past_due_since <= :cutoff
				order by s.past_due_since limit :limit
				for update of s skip locked
				""").param("cutoff", Timestamps.of(cutoff)).param("limit", limit).query((rs, row) -> map(rs)).list();
	}

	/** Starts the next period; the status (active or past due) stays. */
	void renew(long subscriptionId, Instant start, Instant end, Instant now) {
		update("current_period_start = :start, current_period_end = :end", subscriptionId, now, start, end);
	}

	/** An invoice fell due unpaid at {@code since}: the licence is in grace from then. */
	void pastDue(long subscriptionId, Instant since, Instant now) {
		update("status = 'past_due', past_due_since = :start", subscriptionId, now, since, null);
	}

	/** Paid (or given more time): running again. */
	void active(long subscriptionId, Instant now) {
		update("status = 'active', past_due_since = null", subscriptionId, now, null, null);
	}

	/** Canceled by staff: it runs to its period end and is not renewed. */
	void cancel(long subscriptionId, Instant now) {
		update("status = 'canceled', canceled_at = :now", subscriptionId, now, null, null);
	}

	private void update(String set, long subscriptionId, Instant now, @Nullable Instant start, @Nullable Instant end) {
		entitlements.invalidate();
		jdbc.sql("update billing.subscription set " + set + ", updated_at = :now where id = :id")
			.param("id", subscriptionId)
			.param("now", Timestamps.of(now))
			.param("start", Timestamps.of(start))
			.param("end", Timestamps.of(end))
			.update();
	}

	private static InvoiceLicence map(ResultSet rs) throws SQLException {
		return new InvoiceLicence(rs.getLong("id"), rs.getLong("member_id"),
				SubscriptionStatus.fromCode(rs.getString("status")),
				BillingInterval.fromCode(rs.getString("billing_interval")).orElseThrow(), rs.getLong("price_amount"),
				rs.getString("currency"), rs.getInt("seats"), Timestamps.require(rs, "current_period_start"),
				Timestamps.require(rs, "current_period_end"), Columns.nullableInt(rs, "anchor_day"),
				Timestamps.read(rs, "past_due_since"), rs.getString("institution"), rs.getString("contact_email"),
				rs.getInt("payment_terms"), rs.getString("po_number"), rs.getString("plan_name"));
	}

}
