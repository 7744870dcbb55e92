package org.backstory.billing;

import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.backstory.billing.BillingArchive.ArchivedEvent;
import org.backstory.billing.BillingArchive.ArchivedPayment;
import org.backstory.billing.BillingArchive.ArchivedSubscription;
import org.backstory.billing.ledger.SubscriptionEventLog;
import org.backstory.shared.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores Backstory's own subscriptions, payments and subscription history
 * ({@link BillingArchive}'s rows) into a publication that has none, each row with its
 * exported id, so the revenue figures and a re-export are what they were. What the export
 * does not carry is made up plainly: a past-due subscription is past due since its period
 * end; payments get the idempotency key {@code restore:<id>} and a refund row per
 * refunded payment; no card comes along, so a subscription that would renew is flagged as
 * needing one ({@code card_needed_from = 'backstory'}) until the member puts a card on
 * file here.
 */
@Service
public class BillingRestore {

	/**
	 * The platform a restored subscription's card was on, as {@code card_needed_from}
	 * names it.
	 */
	public static final String CARD_FROM = "backstory";

	private static final Logger log = LoggerFactory.getLogger(BillingRestore.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final SubscriptionEventLog events;

	private final Clock clock;

	BillingRestore(NamedParameterJdbcTemplate jdbc, SubscriptionEventLog events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Why billing would not take this subscription row; empty when it would. */
	public static List<String> problems(ArchivedSubscription subscription) {
		return RestoreRules.problems(subscription);
	}

	/** Why billing would not take this payment row; empty when it would. */
	public static List<String> problems(ArchivedPayment payment) {
		return RestoreRules.problems(payment);
	}

	/** Why billing would not take this history entry; empty when it would. */
	public static List<String> problems(ArchivedEvent event) {
		return RestoreRules.problems(event);
	}

	/**
	 * Whether a restored subscription will want a card here: a paid one, not a gift, that
	 * renews and is not over or canceled. Cards (gateway tokens) are not exported, so
	 * such a subscription is flagged ({@link MemberBillingQueries#cardNeeded()}) and its
	 * renewal asks the member for a card instead of charging.
	 */
	public static boolean needsCard(ArchivedSubscription s) {
		return !s.comped() && s.giftId() == null && s.renews()
				&& List.of("trialing", "active", "past_due").contains(s.status());
	}

	/**
	 * How many subscriptions, payments and history entries the publication has; a restore
	 * needs none.
	 */
	@Transactional(readOnly = true)
	public long existingRows() {
		return jdbc.getJdbcTemplate().queryForObject("""
				select (select count(*) from billing.subscription) + (select count(*) from billing.payment)
				  + (select count(*) from billing.subscription_event)""", Long.class);
	}

	/**
	 * Writes the rows with their ids (members already found here, {@code memberId}
	 * theirs), then moves the identity sequences and the invoice numbers past the
	 * largest. Without history entries (an export from before they were exported) each
	 * subscription gets one {@code imported} entry now, so the revenue figures count it
	 * from today.
	 * @throws IllegalStateException when the publication already has subscriptions,
	 * payments or history
	 * @throws IllegalArgumentException when a row is one {@link #problems} refuses, or
	 * names a plan not here
	 */
	@Transactional
	public Restored restore(List<ArchivedSubscription> subscriptions, List<ArchivedPayment> payments,
			List<ArchivedEvent> history) {
		if (existingRows() > 0) {
			throw new IllegalStateException(
					"this publication already has subscriptions or payments; billing is restored only into one that has none");
		}
		Map<String, Long> plans = jdbc.getJdbcTemplate()
			.query("select code, id from billing.plan", (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		subscriptions.forEach(s -> require(s.id(), RestoreRules.problems(s)));
		payments.forEach(p -> require(p.id(), RestoreRules.problems(p)));
		history.forEach(e -> require(e.id(), RestoreRules.problems(e)));
		insert(SUBSCRIPTION, subscriptions, s -> subscription(s, plans));
		insert(PAYMENT, payments, BillingRestore::payment);
		insert(REFUND, payments.stream().filter(p -> p.refundedAmount() > 0).toList(), BillingRestore::refund);
		insert(EVENT, history, BillingRestore::event);
		for (String table : List.of("subscription", "payment", "refund", "subscription_event")) {
			jdbc.getJdbcTemplate()
				.queryForObject(
						"select setval(pg_get_serial_sequence('billing." + table
								+ "', 'id'), coalesce((select max(id) from billing." + table + "), 0) + 1, false)",
						Long.class);
		}
		jdbc.getJdbcTemplate()
			.queryForObject(
					"""
							select setval('billing.invoice_number_seq', coalesce((select max(invoice_number) from billing.payment), 0) + 1, false)""",
					Long.class);
		if (history.isEmpty()) {
			events.recordAll(subscriptions.stream()
				.map(s -> new SubscriptionEventLog.Entry(s.id(), null, SubscriptionEventLog.Cause.IMPORTED,
						SubscriptionEventLog.Actor.SYSTEM, null, null, null))
				.toList(), clock.instant());
		}
		long cardNeeded = jdbc.getJdbcTemplate()
			.queryForObject("select count(*) from billing.subscription where card_needed_from = ?", Long.class,
					CARD_FROM);
		log.info("Billing restored subscriptions={} payments={} events={} cardNeeded={}", subscriptions.size(),
				payments.size(), history.size(), cardNeeded);
		return new Restored(subscriptions.size(), payments.size(), history.size(), cardNeeded);
	}

	/**
	 * Records the article each restored subscription began from (the dashboard's top
	 * articles by subscriptions), as a history that knows it (the demo's) says.
	 */
	@Transactional
	public void attributeAll(Map<Long, Long> articleBySubscription) {
		jdbc.batchUpdate("update billing.subscription set article_id = :article where id = :id",
				articleBySubscription.entrySet()
					.stream()
					.map(entry -> new MapSqlParameterSource("id", entry.getKey()).addValue("article", entry.getValue()))
					.toArray(MapSqlParameterSource[]::new));
	}

	/**
	 * What a restore wrote.
	 *
	 * @param cardNeeded subscriptions that would renew and are flagged as needing a card
	 * here
	 */
	public record Restored(int subscriptions, int payments, int events, long cardNeeded) {
	}

	private static void require(long id, List<String> problems) {
		if (id <= 0 || !problems.isEmpty()) {
			throw new IllegalArgumentException("row " + id + ": " + (id <= 0 ? "no id" : String.join("; ", problems)));
		}
	}

	private <T> void insert(String sql, List<T> rows, Function<T, MapSqlParameterSource> parameters) {
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(sql, rows.stream().map(parameters).toArray(MapSqlParameterSource[]::new));
		}
	}

	private static final String SUBSCRIPTION = """
			insert into billing.subscription (id, member_id, plan_id, tier, billing_interval, price_amount, currency,
			    status, comped, renews, current_period_start, current_period_end, past_due_since, due_at, trial_end,
			    canceled_at, coupon_id, percent_off, amount_off, discount_ends_at, gift_id, card_needed_from,
			    created_at, updated_at)
			overriding system value
			values (:id, :member, :plan, :tier, :interval, :price, :currency, :status, :comped, :renews, :start, :end,
			    :pastDueSince, :due, :trialEnd, :canceledAt, :coupon, :percentOff, :amountOff, :discountEnds, :gift,
			    :cardFrom, :created, :updated)
			""";

	/**
	 * A subscription as the renewal run will take it up: due at its period end (at once,
	 * if past due), past due since its period end (the export does not say when the
	 * charge failed; the renewal that failed was due then), with no failed attempt
	 * counted here, so the member gets the whole retry schedule to add a card.
	 */
	private static MapSqlParameterSource subscription(ArchivedSubscription s, Map<String, Long> plans) {
		Long plan = s.plan() == null ? null : plans.get(s.plan());
		if (s.plan() != null && plan == null) {
			throw new IllegalArgumentException("subscription " + s.id() + ": no plan with code " + s.plan() + " here");
		}
		boolean pastDue = s.status().equals("past_due");
		boolean running = List.of("trialing", "active", "past_due", "canceled").contains(s.status());
		return new MapSqlParameterSource().addValue("id", s.id())
			.addValue("member", s.memberId())
			.addValue("plan", plan, Types.BIGINT)
			.addValue("tier", s.tier())
			.addValue("interval", s.interval(), Types.VARCHAR)
			.addValue("price", s.price(), Types.BIGINT)
			.addValue("currency", s.currency(), Types.CHAR)
			.addValue("status", s.status())
			.addValue("comped", s.comped())
			.addValue("renews", s.renews())
			.addValue("start", Timestamps.of(s.currentPeriodStart()))
			.addValue("end", Timestamps.of(s.currentPeriodEnd()), Types.TIMESTAMP)
			.addValue("pastDueSince", pastDue ? Timestamps.of(s.currentPeriodEnd()) : null, Types.TIMESTAMP)
			.addValue("due", running ? Timestamps.of(s.currentPeriodEnd()) : null, Types.TIMESTAMP)
			.addValue("trialEnd", Timestamps.of(s.trialEnd()), Types.TIMESTAMP)
			.addValue("canceledAt", Timestamps.of(s.canceledAt()), Types.TIMESTAMP)
			.addValue("coupon", s.couponId(), Types.BIGINT)
			.addValue("percentOff", s.percentOff(), Types.INTEGER)
			.addValue("amountOff", s.amountOff(), Types.BIGINT)
			.addValue("discountEnds", Timestamps.of(s.discountEndsAt()), Types.TIMESTAMP)
			.addValue("gift", s.giftId(), Types.BIGINT)
			.addValue("cardFrom", needsCard(s) ? CARD_FROM : null, Types.VARCHAR)
			.addValue("created", Timestamps.of(s.createdAt()))
			.addValue("updated", Timestamps.of(s.updatedAt()));
	}

	private static final String PAYMENT = """
			insert into billing.payment (id, member_id, subscription_id, purpose, amount, currency, status, gateway,
			    idempotency_key, gateway_charge_id, failure_code, created_at, settled_at, period_start, period_end,
			    list_amount, discount_amount, credit_applied, invoice_number, refunded_amount)
			overriding system value
			values (:id, :member, :subscription, :purpose, :amount, :currency, :status, :gateway, :key, :charge, :failure,
			    :created, :settled, :periodStart, :periodEnd, :list, :discount, :credit, :invoice, :refunded)
			""";

	/** A payment with a key of its own that no gateway call here will ever use again. */
	private static MapSqlParameterSource payment(ArchivedPayment p) {
		return new MapSqlParameterSource().addValue("id", p.id())
			.addValue("member", p.memberId(), Types.BIGINT)
			.addValue("subscription", p.subscriptionId(), Types.BIGINT)
			.addValue("purpose", p.purpose())
			.addValue("amount", p.amount())
			.addValue("currency", p.currency())
			.addValue("status", p.status())
			.addValue("gateway", p.gateway())
			.addValue("key", "restore:" + p.id())
			.addValue("charge", p.gatewayChargeId(), Types.VARCHAR)
			.addValue("failure", p.failureCode(), Types.VARCHAR)
			.addValue("created", Timestamps.of(p.createdAt()))
			.addValue("settled", Timestamps.of(p.settledAt()), Types.TIMESTAMP)
			.addValue("periodStart", Timestamps.of(p.periodStart()), Types.TIMESTAMP)
			.addValue("periodEnd", Timestamps.of(p.periodEnd()), Types.TIMESTAMP)
			.addValue("list", p.listAmount())
			.addValue("discount", p.discountAmount())
			.addValue("credit", p.creditApplied())
			.addValue("invoice", p.invoiceNumber(), Types.BIGINT)
			.addValue("refunded", p.refundedAmount());
	}

	private static final String REFUND = """
			insert into billing.refund (payment_id, amount, status, reason, requested_by, idempotency_key, created_at,
			    settled_at)
			values (:payment, :amount, 'succeeded', 'Restored from an export: refunded on the old site.', 'restore',
			    :key, :at, :at)
			""";

	/**
	 * The export keeps a payment's refunded total and last refund time, not each refund:
	 * one row stands for them.
	 */
	private static MapSqlParameterSource refund(ArchivedPayment p) {
		return new MapSqlParameterSource().addValue("payment", p.id())
			.addValue("amount", p.refundedAmount())
			.addValue("key", "restore:refund:" + p.id())
			.addValue("at", Timestamps.of(p.refundedAt()));
	}

	private static final String EVENT = """
			insert into billing.subscription_event (id, subscription_id, from_status, to_status, cause, actor, amount,
			    currency, payment_id, occurred_at, kind, mrr_after, previous_paid, previous_mrr, previous_currency)
			overriding system value
			values (:id, :subscription, :from, :to, :cause, :actor, :amount, :currency, :payment, :at, :kind, :mrr,
			    :previousPaid, :previousMrr, :previousCurrency)
			""";

	private static MapSqlParameterSource event(ArchivedEvent e) {
		return new MapSqlParameterSource().addValue("id", e.id())
			.addValue("subscription", e.subscriptionId())
			.addValue("from", e.fromStatus(), Types.VARCHAR)
			.addValue("to", e.toStatus())
			.addValue("cause", e.cause())
			.addValue("actor", e.actor())
			.addValue("amount", e.amount(), Types.BIGINT)
			.addValue("currency", e.currency(), Types.CHAR)
			.addValue("payment", e.paymentId(), Types.BIGINT)
			.addValue("at", Timestamps.of(e.occurredAt()))
			.addValue("kind", e.kind())
			.addValue("mrr", e.mrrAfter())
			.addValue("previousPaid", e.previousPaid())
			.addValue("previousMrr", e.previousMrr())
			.addValue("previousCurrency", e.previousCurrency(), Types.CHAR);
	}

}
