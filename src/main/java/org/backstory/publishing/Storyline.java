package org.backstory.publishing;

/**
 * An ordered series of articles that follow one story, with a timeline page at
 * {@code /story/{slug}}.
 *
 * @param id the storyline's id
 * @param slug the URL slug
 * @param title the storyline's title
 * @param description what the story is about, possibly empty
 */
public record Storyline(long id, String slug, String title, String description) {
}
