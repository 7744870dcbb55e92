package org.backstory.publishing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the staff article list.
 *
 * @param status {@code draft}, {@code scheduled} or {@code published}, as readers see it
 * now
 * @param publishedAt when it went or goes live; null for a draft
 * @param updatedAt when it was last saved
 * @param authors the byline's names, joined
 */
public record ArticleRow(long id, String slug, String title, String status, @Nullable Instant publishedAt,
		Instant updatedAt, Visibility visibility, String authors) {
}
