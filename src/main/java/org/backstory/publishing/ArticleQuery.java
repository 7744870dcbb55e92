package org.backstory.publishing;

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
 */
public record ArticleQuery(@Nullable String status, @Nullable String authorSlug, @Nullable String tagSlug,
		@Nullable String storylineSlug, @Nullable String visibility, @Nullable String search, int page) {

	/** Rows per page. */
	public static final int PAGE_SIZE = 25;

	public ArticleQuery {
		status = blankToNull(status);
		authorSlug = blankToNull(authorSlug);
		tagSlug = blankToNull(tagSlug);
		storylineSlug = blankToNull(storylineSlug);
		visibility = blankToNull(visibility);
		search = blankToNull(search);
		page = Math.max(page, 1);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
