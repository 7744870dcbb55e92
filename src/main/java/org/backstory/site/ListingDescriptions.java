package org.backstory.site;

import org.backstory.publishing.Author;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.Tag;

/**
 * The one sentence that describes a tag's, an author's or a storyline's listing wherever
 * it is described (its share card, its feed's channel): the editors' own words when they
 * wrote some, else a plain sentence naming it.
 */
final class ListingDescriptions {

	private ListingDescriptions() {
	}

	static String tag(Tag tag, String publicationName) {
		return tag.description().isBlank() ? "Articles about " + tag.name() + " from " + publicationName
				: tag.description();
	}

	static String author(Author author, String publicationName) {
		return author.bio().isBlank() ? "Articles by " + author.name() + " in " + publicationName : author.bio();
	}

	static String storyline(Storyline storyline, String publicationName) {
		return storyline.description().isBlank() ? "A storyline from " + publicationName : storyline.description();
	}

}
