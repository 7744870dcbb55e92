package org.backstory.publishing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One article as staff see it in a list: whatever its status.
 *
 * @param status {@code draft}, {@code scheduled} or {@code published}
 * @param publishedAt when it went or goes live; null for a draft
 * @param onSite false for an email-only article
 */
public record ArticleStatusLine(long id, String slug, String title, String status, @Nullable Instant publishedAt,
		boolean onSite, Visibility visibility) {
}
