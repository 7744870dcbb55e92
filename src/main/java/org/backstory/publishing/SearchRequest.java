package org.backstory.publishing;

import org.jspecify.annotations.Nullable;

/**
 * A reader's search.
 *
 * @param query what the reader typed, in web search syntax ({@code "exact phrase"},
 * {@code -word}, {@code or})
 * @param reach which gated articles are matched on their whole text
 * @param order relevance or newest first
 * @param tagSlug only articles with this tag, or null
 * @param authorSlug only articles by this author, or null
 * @param storylineSlug only articles in this storyline, or null
 * @param limit at most this many results (1 to 100)
 * @param offset results to skip (0 or more)
 */
public record SearchRequest(String query, SearchReach reach, SearchOrder order, @Nullable String tagSlug,
		@Nullable String authorSlug, @Nullable String storylineSlug, int limit, int offset) {

	public SearchRequest {
		if (limit < 1 || limit > 100 || offset < 0) {
			throw new IllegalArgumentException("limit must be 1 to 100 and offset 0 or more");
		}
	}

}
