package org.backstory.publishing;

import java.util.List;

/**
 * A person, country or place, or organisation the publication writes about, with a page
 * at {@code /who/{slug}}. Articles that name it (by its name or an alias) mention it;
 * quotes attributed to it make its quote index.
 *
 * @param id the entity's id
 * @param kind what it is
 * @param slug the URL slug
 * @param name the display name, also matched in articles
 * @param bio what its page says about it (plain text, may be empty)
 * @param aliases other names matched in articles ("Kim" for "Kim Jong Un"), in the order
 * the editor wrote them
 */
public record Entity(long id, EntityKind kind, String slug, String name, String bio, List<String> aliases) {

	/** The longest bio an entity may have. */
	public static final int MAX_BIO = 2000;

	public Entity {
		aliases = List.copyOf(aliases);
	}

}
