package org.backstory.access;

import java.time.Instant;
import java.util.List;

import org.backstory.publishing.Article;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.GatedBody;
import org.backstory.publishing.Visibility;

/**
 * Articles for access tests, with a preview and a gated part that are easy to tell apart.
 */
final class ArticleFixtures {

	static final String PREVIEW = "<p>Free opening paragraph.</p>";

	static final String GATED = "<p>Paid-only analysis paragraph.</p>";

	private ArticleFixtures() {
	}

	static Article article(long id, Visibility visibility) {
		Instant published = Instant.parse("2026-11-01T08:00:00Z");
		return new Article(id, "article-" + id, "Title " + id, "Dek " + id, List.of(new AuthorRef("ana", "Ana")),
				List.of(), null, null, published, published, visibility, PREVIEW, GatedBody.of(GATED));
	}

	/** The same, published for email only. */
	static Article emailOnly(long id, Visibility visibility) {
		Article article = article(id, visibility);
		return new Article(article.id(), article.slug(), article.title(), article.dek(), article.authors(),
				article.tags(), article.storyline(), article.coverImageUrl(), article.publishedAt(),
				article.updatedAt(), article.visibility(), article.previewHtml(), article.gatedBody(), false);
	}

}
