package org.backstory.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.backstory.publishing.ArticleSearch;
import org.backstory.publishing.Author;
import org.backstory.publishing.Tag;
import org.jspecify.annotations.Nullable;

/**
 * The search page as shown.
 *
 * @param query what was searched, as typed (empty before a search)
 * @param newest whether results are newest first rather than by relevance
 * @param tag the tag filter's slug, or null
 * @param author the author filter's slug, or null
 * @param storyline the storyline filter's slug, or null
 * @param entities the people, places and organisations whose pages match (first page, no
 * filters)
 * @param results this page's results
 * @param total how many articles match in all
 * @param page this page's number, from 1
 * @param pages how many pages there are
 * @param didYouMean a query that finds something when this one found nothing, or null
 * @param problem why the search could not be made, or null
 * @param tags the tags to filter by
 * @param authors the authors to filter by
 */
public record SearchPage(String query, boolean newest, @Nullable String tag, @Nullable String author,
		@Nullable String storyline, List<EntityResult> entities, List<SearchResult> results, long total, int page,
		long pages, @Nullable String didYouMean, @Nullable String problem, List<Tag> tags, List<Author> authors) {

	public SearchPage {
		entities = List.copyOf(entities);
		results = List.copyOf(results);
		tags = List.copyOf(tags);
		authors = List.copyOf(authors);
	}

	/**
	 * Whether a search was made (there is something to show results or "nothing found"
	 * for).
	 */
	public boolean searched() {
		return !query.isBlank() && problem == null;
	}

	/**
	 * How many results, in words: "1 result", "12 results", or "More than 1,000 results"
	 * past the count's limit.
	 */
	public String totalText() {
		if (total > ArticleSearch.COUNT_LIMIT) {
			return String.format(Locale.ENGLISH, "More than %,d results", ArticleSearch.COUNT_LIMIT);
		}
		return total == 1 ? "1 result" : total + " results";
	}

	/** This search on another page. */
	public String pageHref(int number) {
		return href(query, newest, number);
	}

	/** This search in the other order, from its first page. */
	public String otherOrderHref() {
		return href(query, !newest, 1);
	}

	/** The suggested search. */
	public String didYouMeanHref() {
		return href(didYouMean == null ? query : didYouMean, newest, 1);
	}

	private String href(String q, boolean byDate, int number) {
		StringBuilder href = new StringBuilder("/search?q=").append(encode(q));
		if (byDate) {
			href.append("&sort=newest");
		}
		append(href, "tag", tag);
		append(href, "author", author);
		append(href, "storyline", storyline);
		if (number > 1) {
			href.append("&page=").append(number);
		}
		return href.toString();
	}

	private static void append(StringBuilder href, String name, @Nullable String value) {
		if (value != null) {
			href.append('&').append(name).append('=').append(encode(value));
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
