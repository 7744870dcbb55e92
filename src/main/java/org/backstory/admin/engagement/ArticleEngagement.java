package org.backstory.admin.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backstory.access.ReadingActivity;
import org.backstory.billing.BillingActivity;
import org.backstory.billing.BusinessRates;
import org.backstory.billing.Money;
import org.backstory.members.MemberGrowth;
import org.backstory.newsletters.NewsletterEngagement;
import org.backstory.newsletters.SendStats;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleTitles;
import org.backstory.shared.Dates;
import org.springframework.stereotype.Component;

/**
 * Puts an article's engagement together from the modules that own each figure: sign-ups
 * (members), subscriptions and their revenue (billing, the dashboard's own definition
 * through {@link BusinessRates#revenueOfArticle}), gift links and metered reads (access),
 * and its newsletter sends with their delivery, opens and clicks (newsletters). All
 * figures are over the article's whole life.
 */
@Component
class ArticleEngagement {

	private static final String NOT_TRACKED = "not tracked";

	private final ArticleCatalog catalog;

	private final ArticleTitles titles;

	private final MemberGrowth growth;

	private final BillingActivity billing;

	private final BusinessRates rates;

	private final ReadingActivity reading;

	private final NewsletterEngagement newsletters;

	private final Clock clock;

	ArticleEngagement(ArticleCatalog catalog, ArticleTitles titles, MemberGrowth growth, BillingActivity billing,
			BusinessRates rates, ReadingActivity reading, NewsletterEngagement newsletters, Clock clock) {
		this.catalog = catalog;
		this.titles = titles;
		this.growth = growth;
		this.billing = billing;
		this.rates = rates;
		this.reading = reading;
		this.newsletters = newsletters;
		this.clock = clock;
	}

	/** The article's engagement, or empty when there is no such article. */
	Optional<ArticleEngagementView> of(long articleId) {
		Optional<Article> found = catalog.inAnyStatus(articleId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Article article = found.get();
		Instant now = clock.instant();
		boolean live = titles.exists(articleId);
		String status = !live ? "draft" : article.publishedAt().isAfter(now) ? "scheduled" : "published";
		MemberGrowth.ArticleSignups signups = growth.signupsFrom(articleId);
		BillingActivity.ArticleSubscriptions subscriptions = billing.ofArticle(articleId);
		List<String> revenue = new ArrayList<>();
		for (String currency : subscriptions.currencies()) {
			BusinessRates.ArticleRevenue figure = rates.revenueOfArticle(articleId, Instant.EPOCH, now, currency);
			revenue.add(Money.format(figure.mrr(), currency));
		}
		ReadingActivity.ArticleReading reads = reading.ofArticle(articleId);
		return Optional.of(new ArticleEngagementView(articleId, article.title(),
				live ? ArticleLinks.page(article.slug()) : null, status, signups.signups(), signups.verified(),
				subscriptions.attributed(), subscriptions.becamePaid(), subscriptions.running(), revenue,
				reads.giftLinks().links(), reads.giftLinks().givers(), reads.giftLinks().browsers(),
				reads.meteredReads().reads(), reads.meteredReads().members(), sendRows(articleId)));
	}

	private List<ArticleEngagementView.SendRow> sendRows(long articleId) {
		return newsletters.ofArticle(articleId).stream().map(ArticleEngagement::sendRow).toList();
	}

	private static ArticleEngagementView.SendRow sendRow(SendStats send) {
		boolean tracked = send.tracked();
		return new ArticleEngagementView.SendRow("/admin/newsletters/sends/" + send.sendId(),
				send.storylineId() == null ? send.newsletter() : send.newsletter() + " (storyline followers)",
				send.startedAt() == null ? "not started" : Dates.staffTime(send.startedAt()), send.status(),
				send.delivered(), send.share(send.bounced()), send.share(send.complained()),
				send.share(send.unsubscribed()), tracked ? send.share(send.opened()) : NOT_TRACKED,
				tracked ? send.share(send.clicked()) : NOT_TRACKED);
	}

}
