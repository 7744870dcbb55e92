package org.backstory.publishing;

/**
 * A tag with how many articles carry it, for the staff list.
 *
 * @param id the tag's id
 * @param slug for {@code /tag/{slug}}
 * @param name the display name
 * @param description what the tag's page says about it (plain text, may be empty)
 * @param articles how many articles carry it, drafts included
 */
public record TagUsage(long id, String slug, String name, String description, long articles) {

	/** The tag itself, without its count. */
	public Tag tag() {
		return new Tag(id, slug, name, description);
	}

}
