package org.backstory.publishing;

/**
 * An author as a byline shows them.
 *
 * @param slug for {@code /author/{slug}}
 * @param name the display name
 */
public record AuthorRef(String slug, String name) {
}
