package org.backstory.billing.ledger;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.billing.SubscriptionChanged;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.shared.CommittedCounter;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends to the subscription event log, the history revenue figures are computed from.
 * Each entry is written after the change, from the subscription row as it now stands: its
 * new status, what kind of subscription it is, and the monthly recurring revenue it now
 * stands for; and, from the entry before it, what it replaced (whether it was a running
 * paid subscription, its monthly value and currency), so the changes of a day are summed
 * without pairing entries up.
 */
@Component
public class SubscriptionEventLog {

	/** What caused a change. */
	public enum Cause {

		/** A reader started checkout. */
		CHECKOUT_STARTED,
		/** An unfinished checkout was set aside for another way of subscribing. */
		CHECKOUT_ABANDONED,
		/** The first charge at checkout succeeded. */
		FIRST_PAYMENT,
		/** Checkout took a card and started a free trial. */
		TRIAL_STARTED,
		/** Brought over from another platform. */
		IMPORTED,
		/** Staff granted free access. */
		COMP_GRANTED,
		/** Staff changed a comp's tier or end. */
		COMP_CHANGED,
		/** A period (or the first one after a trial) was paid for. */
		RENEWED,
		/** A renewal charge was declined. */
		RENEWAL_FAILED,
		/** The last retry of a declined renewal failed too. */
		RETRIES_EXHAUSTED,
		/** The member canceled; access runs to the period end. */
		CANCELED_BY_MEMBER,
		/** The member took back a cancellation before the period ended. */
		RESUMED,
		/** A canceled subscription, a comp or a gift reached its end. */
		PERIOD_ENDED,
		/** Staff ended a subscription at once. */
		CANCELED_BY_STAFF,
		/** The member moved to another plan or interval. */
		PLAN_CHANGED,
		/** A coupon was applied. */
		COUPON_APPLIED,
		/** A gift was redeemed. */
		GIFT_REDEEMED,
		/**
		 * Staff sold a group licence by invoice: it runs from the sale, logged from
		 * incomplete as a checkout's first payment is.
		 */
		LICENCE_SOLD,
		/** An invoice licence's period began and its invoice was issued, unpaid. */
		INVOICE_ISSUED,
		/** Staff marked an invoice paid, with the payment they recorded. */
		INVOICE_PAID,
		/** An invoice passed its due date unpaid: the licence is in grace. */
		INVOICE_OVERDUE,
		/**
		 * Staff voided an overdue invoice or gave it a later due date: the licence left
		 * grace.
		 */
		INVOICE_SETTLED,
		/** The grace period after an unpaid invoice's due date ran out. */
		INVOICE_UNPAID,
		/** A group's manager added seats mid-period: the price of every period after. */
		SEATS_ADDED,
		/** The pro-rata charge for seats added mid-period was paid. */
		SEATS_CHARGED;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Who or what caused a change, as the log records it. */
	public record Actor(String code) {

		public static final Actor SYSTEM = new Actor("system");

		public static final Actor RENEWAL_RUN = new Actor("renewal-run");

		public static final Actor INVOICE_RUN = new Actor("invoice-run");

		public static Actor member(long id) {
			return new Actor("member:" + id);
		}

		public static Actor staff(long id) {
			return new Actor("staff:" + id);
		}

		/** The staff member's id when staff acted, for the audit log. */
		public Optional<Long> staffId() {
			return code.startsWith("staff:") ? Optional.of(Long.parseLong(code.substring("staff:".length())))
					: Optional.empty();
		}

		public static Actor gateway(String name) {
			return new Actor("gateway:" + name);
		}

	}

	/**
	 * The monthly value of a subscription row as SQL over alias {@code s}: its price less
	 * a discount that applies to the next charge, per month; zero unless it is a paid
	 * subscription that is running.
	 */
	static final String MONTHLY_VALUE = """
			case when s.comped or s.gift_id is not null or s.status not in ('active', 'past_due', 'canceled') then 0
			     else round((s.price_amount
			         - case when s.coupon_id is null
			                  or (s.discount_ends_at is not null and s.discount_ends_at <= s.current_period_end) then 0
			                when s.percent_off is not null then round(s.price_amount * s.percent_off / 100.0)
			                else least(s.amount_off, s.price_amount) end)
			         / case s.billing_interval when 'year' then 12.0 else 1.0 end)::bigint
			end""";

	private final NamedParameterJdbcTemplate batch;

	private final ApplicationEventPublisher events;

	/**
	 * New paid subscriptions as the dashboard counts them: a first payment at checkout or
	 * a trial's first paid period.
	 */
	private final CommittedCounter conversions;

	private final CommittedCounter renewed;

	/** Renewal charges declined (or held for the member), a last retry's included. */
	private final CommittedCounter renewalsFailed;

	SubscriptionEventLog(NamedParameterJdbcTemplate batch, ApplicationEventPublisher events, MeterRegistry meters) {
		this.batch = batch;
		this.events = events;
		this.conversions = new CommittedCounter(meters.counter("backstory.billing.paid.conversions"));
		this.renewed = new CommittedCounter(meters.counter("backstory.billing.renewals", "outcome", "succeeded"));
		this.renewalsFailed = new CommittedCounter(meters.counter("backstory.billing.renewals", "outcome", "failed"));
	}

	public void record(long subscriptionId, @Nullable SubscriptionStatus from, Cause cause, Actor actor, Instant at) {
		recordAll(List.of(new Entry(subscriptionId, from, cause, actor, null, null, null)), at);
	}

	/** A change a payment caused, with the amount charged. */
	public void record(long subscriptionId, @Nullable SubscriptionStatus from, Cause cause, Actor actor,
			ChargeMade payment, Instant at) {
		recordAll(List.of(Entry.of(subscriptionId, from, cause, actor, payment)), at);
	}

	/**
	 * A payment as the log records it beside the change it caused. The log is the lowest
	 * room of billing: payments implement this rather than the log knowing payments.
	 */
	public interface ChargeMade {

		long id();

		long amount();

		String currency();

	}

	/** One change to log. */
	public record Entry(long subscriptionId, @Nullable SubscriptionStatus from, Cause cause, Actor actor,
			@Nullable Long amount, @Nullable String currency, @Nullable Long paymentId) {

		/** A change a payment caused, with the amount charged. */
		public static Entry of(long subscriptionId, @Nullable SubscriptionStatus from, Cause cause, Actor actor,
				ChargeMade payment) {
			return new Entry(subscriptionId, from, cause, actor, payment.amount(), payment.currency(), payment.id());
		}

	}

	/**
	 * Logs changes, all at {@code at}, in one round trip, and publishes a
	 * {@link SubscriptionChanged} for each one that starts, makes past due or cancels a
	 * subscription.
	 */
	public void recordAll(List<Entry> entries, Instant at) {
		batch.batchUpdate("""
				insert into billing.subscription_event (subscription_id, from_status, to_status, cause, actor, amount,
				    currency, payment_id, occurred_at, kind, mrr_after, previous_paid, previous_mrr, previous_currency)
				select s.id, :from, s.status, :cause, :actor, :amount, coalesce(:currency, s.currency), :payment, :at,
				       case when s.comped then 'comp' when s.gift_id is not null then 'gift' else 'paid' end,
				""" + MONTHLY_VALUE
				+ """

						     , coalesce(previous.kind = 'paid' and previous.to_status in ('active', 'past_due', 'canceled'), false),
						       coalesce(previous.mrr_after, 0), previous.currency
						from billing.subscription s
						left join lateral (select kind, to_status, mrr_after, currency from billing.subscription_event p
						                   where p.subscription_id = s.id order by p.occurred_at desc, p.id desc limit 1) previous on true
						where s.id = :subscription
						""",
				entries.stream()
					.map(entry -> new MapSqlParameterSource().addValue("subscription", entry.subscriptionId())
						.addValue("from", entry.from() == null ? null : entry.from().code(), Types.VARCHAR)
						.addValue("cause", entry.cause().code())
						.addValue("actor", entry.actor().code())
						.addValue("amount", entry.amount(), Types.BIGINT)
						.addValue("currency", entry.currency(), Types.CHAR)
						.addValue("payment", entry.paymentId(), Types.BIGINT)
						.addValue("at", Timestamps.of(at)))
					.toArray(MapSqlParameterSource[]::new));
		for (Entry entry : entries) {
			announced(entry).ifPresent(change -> announce(entry.subscriptionId(), change, at));
			count(entry);
		}
	}

	private void count(Entry entry) {
		switch (entry.cause()) {
			case FIRST_PAYMENT -> conversions.increment();
			case RENEWED -> {
				renewed.increment();
				if (entry.from() == SubscriptionStatus.TRIALING) {
					conversions.increment();
				}
			}
			case RENEWAL_FAILED, RETRIES_EXHAUSTED -> renewalsFailed.increment();
			default -> {
			}
		}
	}

	/** The change a log entry stands for, if it is one other modules are told about. */
	static Optional<SubscriptionChanged.Change> announced(Entry entry) {
		return switch (entry.cause()) {
			case FIRST_PAYMENT, TRIAL_STARTED, COMP_GRANTED, GIFT_REDEEMED, LICENCE_SOLD ->
				Optional.of(SubscriptionChanged.Change.STARTED);
			case RENEWAL_FAILED -> entry.from() == SubscriptionStatus.PAST_DUE ? Optional.empty()
					: Optional.of(SubscriptionChanged.Change.PAST_DUE);
			case INVOICE_OVERDUE -> Optional.of(SubscriptionChanged.Change.PAST_DUE);
			case CANCELED_BY_MEMBER, CANCELED_BY_STAFF, RETRIES_EXHAUSTED, INVOICE_UNPAID ->
				Optional.of(SubscriptionChanged.Change.CANCELED);
			default -> Optional.empty();
		};
	}

	private void announce(long subscriptionId, SubscriptionChanged.Change change, Instant at) {
		batch.getJdbcTemplate().query("""
				select id, member_id, status, tier, billing_interval, price_amount, currency, current_period_end,
				       case when comped then 'comp' when gift_id is not null then 'gift' else 'paid' end as kind
				from billing.subscription where id = ?
				""", rs -> {
			events.publishEvent(new SubscriptionChanged(rs.getLong("id"), rs.getLong("member_id"), change,
					rs.getString("status"), rs.getString("tier"), rs.getString("kind"),
					rs.getString("billing_interval"), rs.getObject("price_amount", Long.class),
					rs.getString("currency"), Timestamps.read(rs, "current_period_end"), at));
		}, subscriptionId);
	}

}
