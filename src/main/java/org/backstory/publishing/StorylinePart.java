package org.backstory.publishing;

/**
 * One article of a storyline as staff order them, whatever its status.
 *
 * @param articleId the article's id
 * @param slug the article's slug
 * @param title the headline
 * @param status {@code draft}, {@code scheduled} or {@code published}
 * @param position its place in the storyline, from 1, unique within it
 */
public record StorylinePart(long articleId, String slug, String title, String status, int position) {
}
