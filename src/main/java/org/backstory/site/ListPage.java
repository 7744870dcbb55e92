package org.backstory.site;

import java.util.List;
import java.util.function.BiFunction;

import org.backstory.publishing.ArticleSummary;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * One page of a newest-first article list (home, tag, author), with what the pager needs.
 *
 * @param cards the articles on this page
 * @param path the list's own path, for the pager's links
 * @param page this page's number, from 1
 * @param hasOlder whether a next (older) page exists
 */
public record ListPage(List<ArticleCard> cards, String path, int page, boolean hasOlder) {

	static final int PAGE_SIZE = 20;

	private static final int MAX_PAGE = 1000;

	/**
	 * Loads page {@code page} of a list through {@code loader(limit, offset)}. Asking one more than a page
	 * tells whether an older page exists without counting. A page number out of range is a 404.
	 */
	static ListPage load(String path, int page, BiFunction<Integer, Integer, List<ArticleSummary>> loader) {
		if (page < 1 || page > MAX_PAGE) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<ArticleSummary> articles = loader.apply(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
		if (page > 1 && articles.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return new ListPage(ArticleCard.of(articles.subList(0, Math.min(PAGE_SIZE, articles.size()))), path, page,
				articles.size() > PAGE_SIZE);
	}

	/** The link to the newer page, or null on the first page. */
	public String newerHref() {
		return page == 2 ? path : path + "?page=" + (page - 1);
	}

	/** The link to the older page. */
	public String olderHref() {
		return path + "?page=" + (page + 1);
	}

}
