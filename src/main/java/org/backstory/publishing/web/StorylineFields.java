package org.backstory.publishing.web;

/**
 * What the storyline form holds, as typed.
 *
 * @param title the storyline's title
 * @param slug its slug, or empty to make one from the title
 * @param description what the story is about
 */
public record StorylineFields(String title, String slug, String description) {
}
