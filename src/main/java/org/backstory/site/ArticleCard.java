package org.backstory.site;

import java.util.List;

import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * One article in a list: headline, dek, byline, date and the lock mark.
 *
 * @param href the article's page
 * @param title the headline
 * @param dek the one-line summary
 * @param authors the byline
 * @param published when it went live
 * @param lock "Paid" or "Members" when not everyone may read it all, otherwise null
 */
public record ArticleCard(String href, String title, String dek, List<AuthorRef> authors, ReadingDate published,
		@Nullable String lock) {

	static ArticleCard of(ArticleSummary article) {
		return new ArticleCard(ArticleLinks.page(article.slug()), article.title(), article.dek(), article.authors(),
				ReadingDate.of(article.publishedAt()), lockOf(article.visibility()));
	}

	static List<ArticleCard> of(List<ArticleSummary> articles) {
		return articles.stream().map(ArticleCard::of).toList();
	}

	static @Nullable String lockOf(Visibility visibility) {
		if (visibility.paidOnly()) {
			return "Paid";
		}
		return visibility.gated() ? "Members" : null;
	}

}
