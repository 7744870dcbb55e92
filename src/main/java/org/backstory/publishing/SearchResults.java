package org.backstory.publishing;

import java.util.List;

/**
 * One page of search results.
 *
 * @param articles the articles on this page, best first; their gated halves are opened
 * only by the access module
 * @param total how many articles match in all, counted up to
 * {@link ArticleSearch#COUNT_LIMIT} and beyond that {@code COUNT_LIMIT + 1} ("more than a
 * thousand")
 */
public record SearchResults(List<Article> articles, long total) {

	public SearchResults {
		articles = List.copyOf(articles);
	}

	public static SearchResults none() {
		return new SearchResults(List.of(), 0);
	}

}
