package org.backstory.publishing;

import java.util.Set;

import org.backstory.shared.ListSort;
import org.jspecify.annotations.Nullable;

/**
 * The staff article list's filters; null or blank means "any".
 *
 * @param status {@code draft}, {@code scheduled} or {@code published} (a scheduled
 * article whose time has come counts as published)
 * @param authorSlug articles with this author
 * @param tagSlug articles with this tag
 * @param storylineSlug articles in this storyline
 * @param visibility {@code public}, {@code members}, {@code paid} or {@code tiers}
 * @param search words looked for in the title, dek and body
 * @param page the page from 1
 * @param sort one of {@link #SORTABLE}, or null for the usual order: by relevance when
 * searching, else most recently changed first
 */
public record ArticleQuery(@Nullable String status, @Nullable String authorSlug, @Nullable String tagSlug,
		@Nullable String storylineSlug, @Nullable String visibility, @Nullable String search, int page,
		@Nullable ListSort sort) {

	/** Rows per page. */
	public static final int PAGE_SIZE = 25;

	/**
	 * The columns the list sorts by: {@code when} is the publishing time, or the last
	 * save of a draft; {@code updated} the last save.
	 */
	public static final Set<String> SORTABLE = Set.of("title", "status", "when", "authors", "visibility", "updated");

	/** The columns sorted latest first unless asked otherwise. */
	public static final Set<String> DATES = Set.of("when", "updated");

	/** The usual order without a search, as a sort. */
	public static final ListSort LAST_CHANGED = new ListSort("updated", true);

	/** The filters in the usual order. */
	public ArticleQuery(@Nullable String status, @Nullable String authorSlug, @Nullable String tagSlug,
			@Nullable String storylineSlug, @Nullable String visibility, @Nullable String search, int page) {
		this(status, authorSlug, tagSlug, storylineSlug, visibility, search, page, null);
	}

	public ArticleQuery {
		status = blankToNull(status);
		authorSlug = blankToNull(authorSlug);
		tagSlug = blankToNull(tagSlug);
		storylineSlug = blankToNull(storylineSlug);
		visibility = blankToNull(visibility);
		search = blankToNull(search);
		page = Math.max(page, 1);
		if (sort != null && !SORTABLE.contains(sort.column())) {
			sort = null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
