package org.backstory.publishing;

/**
 * The storyline an article belongs to, and where it sits in it.
 *
 * @param slug for {@code /story/{slug}}
 * @param title the storyline's title
 * @param position the article's place in the storyline, from 1
 */
public record StorylineRef(String slug, String title, int position) {
}
