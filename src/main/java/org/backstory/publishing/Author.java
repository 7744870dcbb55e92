package org.backstory.publishing;

import org.jspecify.annotations.Nullable;

/**
 * A writer who appears in bylines, with a page at {@code /author/{slug}}.
 *
 * @param id the author's id
 * @param slug the URL slug
 * @param name the display name
 * @param bio a short biography, possibly empty
 * @param memberId the staff user writing as this author, if any
 */
public record Author(long id, String slug, String name, String bio, @Nullable Long memberId) {

	/** The author as a byline shows them. */
	public AuthorRef ref() {
		return new AuthorRef(slug, name);
	}

}
