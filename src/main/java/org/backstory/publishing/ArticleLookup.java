package org.backstory.publishing;

/**
 * What {@link ArticleCatalog#bySlug(String)} found for a slug: the published article
 * itself, or the article's current slug when the one asked for is an old one (answer with
 * a 301 to it).
 */
public sealed interface ArticleLookup {

	/**
	 * The slug is a published article's current slug.
	 *
	 * @param article the article
	 */
	record Found(Article article) implements ArticleLookup {
	}

	/**
	 * The slug is one a published article used to have.
	 *
	 * @param currentSlug the slug to redirect to
	 */
	record Moved(String currentSlug) implements ArticleLookup {
	}

}
