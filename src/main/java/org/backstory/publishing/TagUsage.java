package org.backstory.publishing;

/**
 * A tag with how many articles carry it, for the staff list.
 *
 * @param id the tag's id
 * @param slug for {@code /tag/{slug}}
 * @param name the display name
 * @param articles how many articles carry it, drafts included
 */
public record TagUsage(long id, String slug, String name, long articles) {
}
