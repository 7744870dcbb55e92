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

	private final Clock clock;

	DashboardFigures(MemberGrowth growth, BusinessHistory business, ArticleTitles articles, PlanCatalog plans,
			Clock clock) {
		this.growth = growth;
		this.business = business;
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
		return new Figures(range, currency, buckets, top(bySignups, bySubscriptions));
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

	private TopArticles top(List<ArticleCount> bySignups, List<ArticleCount> bySubscriptions) {
		Set<Long> ids = new HashSet<>();
		bySignups.forEach(count -> ids.add(count.articleId()));
		bySubscriptions.forEach(count -> ids.add(count.articleId()));
		Map<Long, ArticleTitle> titles = articles.titles(ids);
		return new TopArticles(rows(bySignups, titles), rows(bySubscriptions, titles));
	}

	private static List<TopArticle> rows(List<ArticleCount> counts, Map<Long, ArticleTitle> titles) {
		return counts.stream().map(count -> {
			ArticleTitle title = titles.get(count.articleId());
			return title == null
					? new TopArticle("Article " + count.articleId() + " (no longer published)", null, count.count())
					: new TopArticle(title.title(), ArticleLinks.page(title.slug()), count.count());
		}).toList();
	}

	/**
	 * The dashboard's figures for a range: one bucket per day or week, and the top
	 * articles.
	 */
	record Figures(DashboardRange range, String currency, List<Bucket> buckets, TopArticles topArticles) {
	}

	/** The articles most sign-ups and most subscriptions came from. */
	record TopArticles(List<TopArticle> bySignups, List<TopArticle> bySubscriptions) {
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
