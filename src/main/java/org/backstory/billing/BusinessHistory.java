package org.backstory.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.backstory.billing.ledger.RevenueFigures;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Day-by-day subscription figures for the dashboard, from the subscription event log
 * alone (see {@link RevenueFigures}: every entry carries the state and monthly value of
 * its subscription after the change). A handful of grouped queries, whatever the number
 * of members. Days are UTC days.
 */
@Service
public class BusinessHistory {

	private final JdbcClient jdbc;

	BusinessHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of the days in {@code [from, to)}, and where they started from. */
	public History history(Instant from, Instant to) {
		Map<LocalDate, Day> days = new TreeMap<>();
		long paidAtStart = 0;
		Map<String, Long> mrrAtStart = new HashMap<>();
		// Each entry adds its subscription's new state and takes away the one it replaced
		// (kept on the entry),
		// so summing a day's entries gives that day's change, and summing those before
		// the range its start.
		// "Paid" is a running paid subscription, as RevenueFigures#activePaidMembers
		// counts.
		List<StateChange> changes = jdbc.sql("""
				select case when occurred_at < :from then null else (occurred_at at time zone 'UTC')::date end as day,
				       currency, sum(paid), sum(mrr)
				from (
				    select occurred_at, coalesce(currency, '') as currency,
				           case when kind = 'paid' and to_status in ('active', 'past_due', 'canceled') then 1 else 0 end
				               as paid,
				           mrr_after as mrr
				    from billing.subscription_event where occurred_at < :to
				    union all
				    select occurred_at, coalesce(previous_currency, ''), -previous_paid::int, -previous_mrr
				    from billing.subscription_event where occurred_at < :to
				) change
				group by 1, 2
				""")
			.param("from", Timestamps.of(from))
			.param("to", Timestamps.of(to))
			.query((rs, row) -> new StateChange(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4)))
			.list();
		for (StateChange change : changes) {
			if (change.day() == null) {
				paidAtStart += change.paid();
				addMrr(mrrAtStart, change);
			}
			else {
				Day day = days.computeIfAbsent(change.day(), Day::empty);
				Map<String, Long> mrr = new HashMap<>(day.mrrChange());
				addMrr(mrr, change);
				days.put(change.day(), new Day(day.day(), day.paidChange() + change.paid(), mrr, day.newPaid(),
						day.cancellations(), day.trialsStarted(), day.trialsConverted(), day.trialsLapsed()));
			}
		}
		jdbc.sql("""
				select (occurred_at at time zone 'UTC')::date as day,
				    count(*) filter (where kind = 'paid' and to_status = 'active'
				        and from_status in ('incomplete', 'trialing')),
				    count(*) filter (where kind = 'paid' and cause in ('canceled_by_member', 'canceled_by_staff')),
				    count(*) filter (where cause = 'trial_started'),
				    count(*) filter (where from_status = 'trialing' and to_status = 'active'),
				    count(*) filter (where to_status = 'expired' and from_status in ('trialing', 'canceled', 'past_due')
				        and exists (select 1 from billing.subscription_event t
				                    where t.subscription_id = e.subscription_id and t.cause = 'trial_started')
				        and not exists (select 1 from billing.subscription_event p
				                        where p.subscription_id = e.subscription_id and p.from_status = 'trialing'
				                          and p.to_status = 'active'))
				from billing.subscription_event e
				where occurred_at >= :from and occurred_at < :to
				group by day
				""").param("from", Timestamps.of(from)).param("to", Timestamps.of(to)).query((rs, row) -> {
			LocalDate date = rs.getObject(1, LocalDate.class);
			Day day = days.getOrDefault(date, Day.empty(date));
			return new Day(date, day.paidChange(), day.mrrChange(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6));
		}).list().forEach(day -> days.put(day.day(), day));
		return new History(paidAtStart, Map.copyOf(mrrAtStart), new ArrayList<>(days.values()));
	}

	/**
	 * The articles most subscriptions that began in {@code [from, to)} came from, most
	 * first.
	 */
	public List<ArticleCount> subscriptionsByArticle(Instant from, Instant to, int limit) {
		return jdbc.sql("""
				select s.article_id, count(distinct s.id) as subscriptions
				from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
				where e.cause in ('first_payment', 'trial_started') and e.occurred_at >= :from and e.occurred_at < :to
				  and s.article_id is not null
				group by s.article_id order by subscriptions desc, s.article_id limit :limit
				""")
			.param("from", Timestamps.of(from))
			.param("to", Timestamps.of(to))
			.param("limit", limit)
			.query((rs, row) -> new ArticleCount(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	private static void addMrr(Map<String, Long> mrr, StateChange change) {
		if (!change.currency().isEmpty() && change.mrr() != 0) {
			mrr.merge(change.currency(), change.mrr(), Long::sum);
		}
	}

	/**
	 * Figures over a range of days.
	 *
	 * @param paidAtStart running paid subscriptions when the range began
	 * @param mrrAtStart monthly recurring revenue per currency (minor units) when the
	 * range began
	 * @param days the days on which anything happened, in order; days without events are
	 * left out
	 */
	public record History(long paidAtStart, Map<String, Long> mrrAtStart, List<Day> days) {
	}

	/**
	 * What changed on one UTC day.
	 *
	 * @param paidChange running paid subscriptions gained less those lost
	 * @param mrrChange monthly recurring revenue gained less lost, per currency (minor
	 * units)
	 * @param newPaid subscriptions that became paid: a first payment, or a trial's first
	 * charge
	 * @param cancellations paid subscriptions canceled by the member or by staff
	 * @param trialsStarted free trials begun
	 * @param trialsConverted trials whose first charge went through
	 * @param trialsLapsed trials that ended without ever being paid for
	 */
	public record Day(LocalDate day, long paidChange, Map<String, Long> mrrChange, long newPaid, long cancellations,
			long trialsStarted, long trialsConverted, long trialsLapsed) {

		static Day empty(LocalDate day) {
			return new Day(day, 0, Map.of(), 0, 0, 0, 0, 0);
		}

	}

	/** A number of subscriptions that began from one article. */
	public record ArticleCount(long articleId, long count) {
	}

	private record StateChange(@Nullable LocalDate day, String currency, long paid, long mrr) {
	}

}
