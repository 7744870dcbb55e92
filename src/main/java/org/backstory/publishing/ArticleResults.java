package org.backstory.publishing;

import java.util.List;

/**
 * One page of a {@link ArticleCatalog#find} answer.
 *
 * @param articles the page's articles, bodies included (to be opened through the access
 * module)
 * @param total how many articles match in all pages
 */
public record ArticleResults(List<Article> articles, int total) {

	public ArticleResults {
		articles = List.copyOf(articles);
	}

}
