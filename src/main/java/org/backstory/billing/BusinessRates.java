package org.backstory.billing;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.backstory.billing.ledger.RevenueFigures;
import org.backstory.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The subscription side of the dashboard's rates, from the subscription event log (see
 * {@link RevenueFigures}): the counts behind monthly churn, who became paid, and the
 * monthly value of the subscriptions each article brought. "Paid" is a running paid
 * subscription (active, past due, or canceled but not yet over), as
 * {@link RevenueFigures#activePaidMembers} counts.
 */
@Service
public class BusinessRates {

	private final JdbcClient jdbc;

	BusinessRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Churn in each calendar month (UTC) from {@code first} to {@code last}: paid
	 * subscriptions live when the month began, and those of them that ended in it. A
	 * trial canceled before its first charge is not churn.
	 */
	public List<MonthChurn> churn(LocalDate first, LocalDate last) {
		return jdbc.sql("""
				select month.day,
				    (select count(*) from (
				        select distinct on (subscription_id) kind, to_status from billing.subscription_event
				        where occurred_at < month.starts order by subscription_id, occurred_at desc, id desc
				     ) latest where kind = 'paid' and to_status in ('active', 'past_due', 'canceled')),
				    (select count(*) from billing.subscription_event e
				     where e.occurred_at >= month.starts and e.occurred_at < month.ends
				       and e.kind = 'paid' and e.to_status = 'expired'
				       and e.from_status in ('active', 'past_due', 'canceled')
				       and exists (select 1 from billing.subscription_event p
				                   where p.subscription_id = e.subscription_id and p.to_status = 'active'
				                     and p.from_status in ('incomplete', 'trialing')))
				from (select day::date as day, day at time zone 'UTC' as starts,
				             (day + interval '1 month') at time zone 'UTC' as ends
				      from generate_series(cast(:first as date), cast(:last as date), interval '1 month') day) month
				order by month.day
				""")
			.param("first", first)
			.param("last", last)
			.query((rs, row) -> new MonthChurn(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * The members whose subscription became paid in {@code [from, to)}: a first payment,
	 * or a trial's first charge.
	 */
	public Set<Long> membersWhoBecamePaid(Instant from, Instant to) {
		return new TreeSet<>(jdbc.sql("""
				select distinct s.member_id
				from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
				where e.kind = 'paid' and e.to_status = 'active' and e.from_status in ('incomplete', 'trialing')
				  and e.occurred_at >= :from and e.occurred_at < :to
				""").param("from", Timestamps.of(from)).param("to", Timestamps.of(to)).query(Long.class).list());
	}

	/**
	 * Per article, the subscriptions that began from it in {@code [from, to)} (a first
	 * payment or a trial) and what they bring in a month at {@code to} in
	 * {@code currency} (minor units; ended ones and trials bring nothing), most revenue
	 * first, at most {@code limit}.
	 */
	public List<ArticleRevenue> revenueByArticle(Instant from, Instant to, String currency, int limit) {
		return revenue(from, to, currency, null, limit);
	}

	/**
	 * The same figure for one article: the subscriptions that began from it in
	 * {@code [from, to)} and what they bring in a month at {@code to} in
	 * {@code currency}.
	 */
	public ArticleRevenue revenueOfArticle(long articleId, Instant from, Instant to, String currency) {
		return revenue(from, to, currency, articleId, 1).stream()
			.findFirst()
			.orElse(new ArticleRevenue(articleId, 0, 0));
	}

	private List<ArticleRevenue> revenue(Instant from, Instant to, String currency, @Nullable Long articleId,
			int limit) {
		return jdbc.sql("""
				select s.article_id, count(*) as subscriptions,
				       coalesce(sum(latest.mrr_after) filter (where latest.currency = :currency), 0) as mrr
				from billing.subscription s
				join lateral (select mrr_after, currency from billing.subscription_event
				              where subscription_id = s.id and occurred_at < :to
				              order by occurred_at desc, id desc limit 1) latest on true
				where s.article_id is not null
				  and (cast(:article as bigint) is null or s.article_id = :article)
				  and exists (select 1 from billing.subscription_event b
				              where b.subscription_id = s.id and b.cause in ('first_payment', 'trial_started')
				                and b.occurred_at >= :from and b.occurred_at < :to)
				group by s.article_id order by mrr desc, subscriptions desc, s.article_id limit :limit
				""")
			.param("from", Timestamps.of(from))
			.param("to", Timestamps.of(to))
			.param("currency", currency)
			.param("article", articleId, Types.BIGINT)
			.param("limit", limit)
			.query((rs, row) -> new ArticleRevenue(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * One month's churn.
	 *
	 * @param month its first day
	 * @param liveAtStart running paid subscriptions when it began
	 * @param ended paid subscriptions that ended in it
	 */
	public record MonthChurn(LocalDate month, long liveAtStart, long ended) {
	}

	/**
	 * What the subscriptions attributed to one article bring in.
	 *
	 * @param subscriptions subscriptions that began from it
	 * @param mrr their monthly value now, in minor units
	 */
	public record ArticleRevenue(long articleId, long subscriptions, long mrr) {
	}

}
