package org.backstory.site;

import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.jspecify.annotations.Nullable;

/**
 * Everything the article page shows. The body comes only from the access decision in {@code readable}.
 *
 * @param readable the article as this reader may receive it
 * @param published when it went live
 * @param updated when it was last changed, if on a later day
 * @param lock "Paid" or "Members" when not everyone may read it all, otherwise null
 * @param storyline its place in a storyline, if any
 * @param canonicalUrl the article's absolute address
 * @param jsonLd schema.org structured data, already escaped for a script element
 */
public record ArticlePage(ReadableArticle readable, ReadingDate published, @Nullable ReadingDate updated,
		@Nullable String lock, @Nullable StorylineNav storyline, String canonicalUrl, String jsonLd) {

	public Article article() {
		return readable.article();
	}

}
