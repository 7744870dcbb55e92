package org.backstory.publishing;

/**
 * A topic articles are filed under, with a page at {@code /tag/{slug}}.
 *
 * @param id the tag's id
 * @param slug the URL slug
 * @param name the display name
 * @param description what the tag's page says about it (plain text, may be empty)
 */
public record Tag(long id, String slug, String name, String description) {

	/** The longest description a tag may have (Ghost's limit too). */
	public static final int MAX_DESCRIPTION = 500;

	/** The tag as a list shows it. */
	public TagRef ref() {
		return new TagRef(slug, name);
	}

}
