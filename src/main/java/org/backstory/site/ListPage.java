package org.backstory.site;

import java.util.List;
import java.util.function.BiFunction;

import org.backstory.publishing.ArticleSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * One page of an article list (home, tag and author newest first, a storyline in story
 * order), with what the pager and the page's head ({@code rel=prev/next}, "– page N" in
 * the title) need.
 *
 * @param cards the articles on this page
 * @param path the list's own path, with its query if it has one (not the page number),
 * for the pager's links
 * @param page this page's number, from 1
 * @param hasOlder whether a next (older) page exists
 */
public record ListPage(List<ArticleCard> cards, String path, int page, boolean hasOlder) {

	static final int PAGE_SIZE = 20;

	private static final int MAX_PAGE = 1000;

	/**
	 * Loads page {@code page} of a list through {@code loader(limit, offset)}. Asking one
	 * more than a page tells whether an older page exists without counting. A page number
	 * out of range is a 404.
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

	/**
	 * The link to the page before (newer, or earlier in a story); only meaningful past
	 * the first page.
	 */
	public String newerHref() {
		return page == 2 ? path : pageHref(page - 1);
	}

	/** The link to the page after (older, or later in a story). */
	public String olderHref() {
		return pageHref(page + 1);
	}

	private String pageHref(int number) {
		return path + (path.contains("?") ? "&" : "?") + "page=" + number;
	}

	/** The page before, for {@code <link rel="prev">}, or null on the first page. */
	public @Nullable String prevHref() {
		return page > 1 ? newerHref() : null;
	}

	/** The page after, for {@code <link rel="next">}, or null on the last page. */
	public @Nullable String nextHref() {
		return hasOlder ? olderHref() : null;
	}

	/**
	 * What the page's title adds after the list's name: nothing on the first page, " –
	 * page N" after it.
	 */
	public String titleSuffix() {
		return page == 1 ? "" : " – page " + page;
	}

	/**
	 * The position in the whole list of the first article on this page, from 1 (a
	 * storyline's part number).
	 */
	public int firstNumber() {
		return (page - 1) * PAGE_SIZE + 1;
	}

}
