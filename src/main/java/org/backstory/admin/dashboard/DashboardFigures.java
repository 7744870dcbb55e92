package org.backstory.admin.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.backstory.billing.BusinessHistory;
import org.backstory.billing.BusinessRates;
import org.backstory.billing.Money;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.members.MemberGrowth;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleTitle;
import org.backstory.publishing.ArticleTitles;
import org.springframework.stereotype.Service;

/**
 * Gathers the dashboard's figures from the modules that own them (members for sign-ups,
 * billing for subscriptions and revenue, publishing for article titles) with a few
 * grouped queries, and sorts them into days or weeks.
 */
@Service
class DashboardFigures {

	static final int TOP_ARTICLES = 10;

	private final MemberGrowth growth;

	private final BusinessHistory business;

	private final ArticleTitles articles;

	private final PlanCatalog plans;

	private final BusinessRates rates;

	private final Clock clock;

	DashboardFigures(MemberGrowth growth, BusinessHistory business, BusinessRates rates, ArticleTitles articles,
			PlanCatalog plans, Clock clock) {
		this.growth = growth;
		this.business = business;
		this.rates = rates;
		this.articles = articles;
		this.plans = plans;
		this.clock = clock;
	}

	Figures figures(DashboardRange range) {
		Instant now = clock.instant();
		List<LocalDate> starts = range.buckets(LocalDate.ofInstant(now, ZoneOffset.UTC));
		Instant from = starts.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
		BusinessHistory.History history = business.history(from, now);
		String currency = currency(history);
		Map<LocalDate, Totals> totals = new HashMap<>();
		for (MemberGrowth.DayCount day : growth.signupsPerDay(from, now)) {
			totals.computeIfAbsent(range.bucketOf(day.day()), start -> new Totals()).signups += day.count();
		}
		for (BusinessHistory.Day day : history.days()) {
			Totals bucket = totals.computeIfAbsent(range.bucketOf(day.day()), start -> new Totals());
			bucket.paidChange += day.paidChange();
			bucket.mrrChange += day.mrrChange().getOrDefault(currency, 0L);
			bucket.newPaid += day.newPaid();
			bucket.cancellations += day.cancellations();
			bucket.trialsStarted += day.trialsStarted();
			bucket.trialsConverted += day.trialsConverted();
			bucket.trialsLapsed += day.trialsLapsed();
		}
		long members = growth.readersBefore(from);
		long paid = history.paidAtStart();
		long mrr = history.mrrAtStart().getOrDefault(currency, 0L);
		List<Bucket> buckets = new ArrayList<>();
		for (LocalDate start : starts) {
			Totals bucket = totals.getOrDefault(start, new Totals());
			members += bucket.signups;
			paid += bucket.paidChange;
			mrr += bucket.mrrChange;
			buckets.add(new Bucket(start, members, paid, mrr, bucket.signups, bucket.newPaid, bucket.cancellations,
					bucket.trialsStarted, bucket.trialsConverted, bucket.trialsLapsed));
		}
		List<ArticleCount> bySignups = growth.signupsByArticle(from, now, TOP_ARTICLES)
			.stream()
			.map(count -> new ArticleCount(count.articleId(), count.count()))
			.toList();
		List<ArticleCount> bySubscriptions = business.subscriptionsByArticle(from, now, TOP_ARTICLES)
			.stream()
			.map(count -> new ArticleCount(count.articleId(), count.count()))
			.toList();
		List<BusinessRates.ArticleRevenue> byRevenue = rates.revenueByArticle(from, now, currency, TOP_ARTICLES);
		return new Figures(range, from, now, currency, history.mrrAtStart().getOrDefault(currency, 0L), buckets,
				top(bySignups, bySubscriptions, byRevenue, currency));
	}

	/**
	 * The currency revenue is charted in: the one bringing in most, else the first
	 * plan's.
	 */
	private String currency(BusinessHistory.History history) {
		Map<String, Long> mrr = new HashMap<>(history.mrrAtStart());
		history.days().forEach(day -> day.mrrChange().forEach((code, change) -> mrr.merge(code, change, Long::sum)));
		return mrr.entrySet()
			.stream()
			.max(Map.Entry.<String, Long>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
			.map(Map.Entry::getKey)
			.orElseGet(() -> plans.activePlans().stream().map(Plan::currency).findFirst().orElse("USD"));
	}

	private TopArticles top(List<ArticleCount> bySignups, List<ArticleCount> bySubscriptions,
			List<BusinessRates.ArticleRevenue> byRevenue, String currency) {
		Set<Long> ids = new HashSet<>();
		bySignups.forEach(count -> ids.add(count.articleId()));
		bySubscriptions.forEach(count -> ids.add(count.articleId()));
		byRevenue.forEach(revenue -> ids.add(revenue.articleId()));
		Map<Long, ArticleTitle> titles = articles.titles(ids);
		return new TopArticles(rows(bySignups, titles), rows(bySubscriptions, titles),
				byRevenue.stream()
					.map(revenue -> new ArticleRevenue(article(revenue.articleId(), titles, revenue.subscriptions()),
							Money.format(revenue.mrr(), currency)))
					.toList());
	}

	private static List<TopArticle> rows(List<ArticleCount> counts, Map<Long, ArticleTitle> titles) {
		return counts.stream().map(count -> article(count.articleId(), titles, count.count())).toList();
	}

	private static TopArticle article(long articleId, Map<Long, ArticleTitle> titles, long count) {
		ArticleTitle title = titles.get(articleId);
		return title == null ? new TopArticle("Article " + articleId + " (no longer published)", null, count)
				: new TopArticle(title.title(), ArticleLinks.page(title.slug()), count);
	}

	/**
	 * The dashboard's figures for a range: one bucket per day or week, and the top
	 * articles.
	 *
	 * @param from when the first bucket begins
	 * @param to now, the end of the last bucket
	 * @param mrrAtStart monthly recurring revenue in {@code currency} at {@code from}
	 * (minor units)
	 */
	record Figures(DashboardRange range, Instant from, Instant to, String currency, long mrrAtStart,
			List<Bucket> buckets, TopArticles topArticles) {
	}

	/**
	 * The articles most sign-ups and most subscriptions came from, and those whose
	 * subscriptions bring in most.
	 */
	record TopArticles(List<TopArticle> bySignups, List<TopArticle> bySubscriptions, List<ArticleRevenue> byRevenue) {
	}

	private record ArticleCount(long articleId, long count) {
	}

	/** Sums for one bucket while the days are sorted into it. */
	private static final class Totals {

		long signups;

		long paidChange;

		long mrrChange;

		long newPaid;

		long cancellations;

		long trialsStarted;

		long trialsConverted;

		long trialsLapsed;

	}

}
