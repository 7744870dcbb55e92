package org.backstory.billing.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The business in figures, computed from the subscription event log alone: every entry
 * carries the monthly value its subscription stands for after the change, so the state at
 * any past moment is the latest entry of each subscription up to then. Months are
 * calendar months in UTC.
 */
@Service
public class RevenueFigures {

	/** The latest entry of each subscription at :at. */
	private static final String LATEST = """
			select distinct on (subscription_id) subscription_id, to_status, kind, mrr_after, currency
			from billing.subscription_event
			where occurred_at <= :at
			order by subscription_id, occurred_at desc, id desc
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	RevenueFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Monthly recurring revenue per currency at a moment: what paid subscriptions that
	 * are running (active, past due, or canceled but not yet over) bring in per month,
	 * yearly prices divided by twelve, less discounts that still apply. Trials, comps and
	 * gifts count nothing.
	 */
	public List<Amount> mrr(Instant at) {
		return jdbc.sql("select currency, sum(mrr_after) from (" + LATEST + """
				) latest where mrr_after > 0 group by currency order by currency
				""")
			.param("at", Timestamps.of(at))
			.query((rs, row) -> new Amount(rs.getLong(2), rs.getString(1)))
			.list();
	}

	/**
	 * Members with a running paid subscription (active, past due, or canceled but not yet
	 * over) at a moment.
	 */
	public long activePaidMembers(Instant at) {
		return jdbc.sql("select count(*) from (" + LATEST + """
				) latest where kind = 'paid' and to_status in ('active', 'past_due', 'canceled')
				""").param("at", Timestamps.of(at)).query(Long.class).single();
	}

	/** The figures of one month. */
	public Month month(YearMonth month) {
		Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant endOrNow = end.isAfter(clock.instant()) ? clock.instant() : end;
		Counts counts = jdbc.sql("""
				select
				    count(*) filter (where kind = 'paid' and to_status = 'active'
				        and from_status in ('incomplete', 'trialing')) as new_paid,
				    count(*) filter (where kind = 'paid' and to_status = 'expired'
				        and from_status in ('active', 'past_due', 'canceled')
				        and exists (select 1 from billing.subscription_event p
				                    where p.subscription_id = e.subscription_id and p.to_status = 'active'
				                      and p.from_status in ('incomplete', 'trialing'))) as churned,
				    count(*) filter (where cause = 'trial_started') as trials_started,
				    count(*) filter (where from_status = 'trialing' and to_status = 'active') as trials_converted,
				    count(*) filter (where to_status = 'expired' and from_status in ('trialing', 'canceled', 'past_due')
				        and exists (select 1 from billing.subscription_event t
				                    where t.subscription_id = e.subscription_id and t.cause = 'trial_started')
				        and not exists (select 1 from billing.subscription_event p
				                        where p.subscription_id = e.subscription_id and p.to_status = 'active'
				                          and p.from_status = 'trialing')) as trials_lapsed
				from billing.subscription_event e
				where occurred_at >= :start and occurred_at < :end
				""")
			.param("start", Timestamps.of(start))
			.param("end", Timestamps.of(end))
			.query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
		long paidAtStart = activePaidMembers(start.minusNanos(1000));
		return new Month(month, mrr(endOrNow), activePaidMembers(endOrNow), counts.newPaid(), counts.churned(),
				paidAtStart, counts.trialsStarted(), counts.trialsConverted(), counts.trialsLapsed());
	}

	/** An amount in minor units of a currency. */
	public record Amount(long minorUnits, String currency) {
	}

	/**
	 * One month's figures.
	 *
	 * @param mrrAtEnd monthly recurring revenue at the end of the month (or now, for the
	 * current month)
	 * @param paidMembersAtEnd running paid subscriptions then
	 * @param newPaid subscriptions that became paid: a first payment, or a trial's first
	 * charge
	 * @param churned paid subscriptions that ended (a trial canceled before its first
	 * charge is not churn)
	 * @param paidMembersAtStart running paid subscriptions when the month began, the base
	 * of the churn rate
	 * @param trialsStarted free trials begun
	 * @param trialsConverted trials whose first charge went through
	 * @param trialsLapsed trials that ended without ever being paid for
	 */
	public record Month(YearMonth month, List<Amount> mrrAtEnd, long paidMembersAtEnd, long newPaid, long churned,
			long paidMembersAtStart, long trialsStarted, long trialsConverted, long trialsLapsed) {

		/** Churned over paid members at the start, or zero without any. */
		public double churnRate() {
			return paidMembersAtStart == 0 ? 0 : (double) churned / paidMembersAtStart;
		}

		/**
		 * Converted over trials that ended (converted or lapsed) this month, or zero
		 * without any.
		 */
		public double trialConversionRate() {
			long ended = trialsConverted + trialsLapsed;
			return ended == 0 ? 0 : (double) trialsConverted / ended;
		}

	}

	private record Counts(long newPaid, long churned, long trialsStarted, long trialsConverted, long trialsLapsed) {
	}

}
