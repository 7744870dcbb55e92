package org.backstory.publishing;

import org.jspecify.annotations.Nullable;

/**
 * How an article presents itself to search engines and social networks. Every field is
 * public: it is shown in the page's meta tags to readers who may not read the article, so
 * it must never carry gated text.
 *
 * @param title the title for search results and shares; empty means the headline
 * @param description the description for search results and shares; empty means the dek
 * @param socialImageUrl the image for shares (an http or https address); null means the
 * cover image
 */
public record ArticleSeo(String title, String description, @Nullable String socialImageUrl) {

	private static final ArticleSeo NONE = new ArticleSeo("", "", null);

	/** No fields of its own: the headline, dek and cover image stand in. */
	public static ArticleSeo none() {
		return NONE;
	}

}
