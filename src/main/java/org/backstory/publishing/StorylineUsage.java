package org.backstory.publishing;

/**
 * A storyline with how many articles it holds, for the staff list.
 *
 * @param id the storyline's id
 * @param slug for {@code /story/{slug}}
 * @param title the storyline's title
 * @param description what the story is about, possibly empty
 * @param articles how many articles it holds, drafts included
 */
public record StorylineUsage(long id, String slug, String title, String description, long articles) {
}
