package org.backstory.site;

import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;

/**
 * Everything the article page shows. The body comes only from the access decision in
 * {@code readable}.
 *
 * @param readable the article as this reader may receive it
 * @param facts the parts that are the same for every reader
 */
public record ArticlePage(ReadableArticle readable, ArticleFacts facts) {

	public Article article() {
		return readable.article();
	}

}
