package org.backstory.publishing.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.backstory.publishing.ArticleListing;
import org.backstory.publishing.ArticleQuery;
import org.backstory.publishing.Vocabulary;
import org.backstory.shared.ListSort;
import org.backstory.shared.web.SortHeader;
import org.jspecify.annotations.Nullable;

/**
 * The staff article list page.
 *
 * @param query the filters as given
 * @param listing the page of articles
 * @param lines the same articles as shown
 * @param vocabulary the authors, tags and storylines to filter by
 * @param ownOnly whether the list holds only the staff member's own articles
 */
public record ArticleListPage(ArticleQuery query, ArticleListing listing, List<Line> lines, Vocabulary vocabulary,
		boolean ownOnly) {

	public ArticleListPage {
		lines = List.copyOf(lines);
	}

	/** The list's address for another page with the same filters and sort. */
	public String pageHref(int page) {
		StringBuilder href = filtered(new StringBuilder("/admin/articles?page=").append(page));
		ListSort sort = query.sort();
		if (sort != null) {
			append(href, "sort", sort.column());
			append(href, "dir", sort.direction());
		}
		return href.toString();
	}

	/**
	 * The header of a sortable column: sorting by it keeps the filters and starts at the
	 * first page.
	 */
	public SortHeader header(String label, String column) {
		String filters = filtered(new StringBuilder()).toString();
		return SortHeader.of(label, column, query.sort() == null ? ArticleQuery.LAST_CHANGED : query.sort(),
				"/admin/articles?" + (filters.isEmpty() ? "" : filters.substring(1) + "&"),
				ArticleQuery.DATES.contains(column));
	}

	private StringBuilder filtered(StringBuilder href) {
		append(href, "status", query.status());
		append(href, "author", query.authorSlug());
		append(href, "tag", query.tagSlug());
		append(href, "storyline", query.storylineSlug());
		append(href, "visibility", query.visibility());
		append(href, "q", query.search());
		return href;
	}

	private static void append(StringBuilder href, String name, @Nullable String value) {
		if (value != null) {
			href.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	/**
	 * One article as listed.
	 *
	 * @param when when it went or goes live, or when it was last saved for a draft
	 */
	public record Line(long id, String title, String slug, String status, String when, String authors,
			String visibility) {
	}

}
