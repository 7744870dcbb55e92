package org.backstory.publishing;

/**
 * A tag as a list shows it.
 *
 * @param slug for {@code /tag/{slug}}
 * @param name the display name
 */
public record TagRef(String slug, String name) {
}
