package org.backstory.site;

import java.util.List;

import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleSummary;

/**
 * An article offered under another one ("Related articles"): headline, dek and badge,
 * never any of its text.
 *
 * @param href the article's page
 * @param title the headline
 * @param dek the one-line summary
 * @param badge who may read it all: Free, Members, Paid, or the tiers' names
 */
public record RelatedArticle(String href, String title, String dek, String badge) {

	static List<RelatedArticle> of(List<ArticleSummary> articles) {
		return articles.stream()
			.map(article -> new RelatedArticle(ArticleLinks.page(article.slug()), article.title(), article.dek(),
					article.visibility().badge()))
			.toList();
	}

}
