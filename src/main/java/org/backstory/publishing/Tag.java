package org.backstory.publishing;

/**
 * A topic articles are filed under, with a page at {@code /tag/{slug}}.
 *
 * @param id the tag's id
 * @param slug the URL slug
 * @param name the display name
 */
public record Tag(long id, String slug, String name) {

	/** The tag as a list shows it. */
	public TagRef ref() {
		return new TagRef(slug, name);
	}

}
