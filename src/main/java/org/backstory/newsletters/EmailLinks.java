package org.backstory.newsletters;

import java.net.URI;
import java.net.URISyntaxException;

import org.backstory.publishing.ArticleLinks;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;

/**
 * Absolute links for an emailed article. A mail has no address of its own to resolve a
 * relative link against, so every link and image source is resolved as the article's page
 * would resolve it.
 */
final class EmailLinks {

	private final BackstoryProperties site;

	private final URI articlePage;

	EmailLinks(BackstoryProperties site, String articleSlug) {
		this.site = site;
		this.articlePage = URI.create(site.link(ArticleLinks.page(articleSlug)));
	}

	/** The absolute URL of a path of this site, such as {@code /story/x}. */
	String toSite(String path) {
		return site.link(path);
	}

	/** The article's page. */
	String articlePage() {
		return articlePage.toString();
	}

	/**
	 * The absolute form of a link written in the article, or null when it is not a usable
	 * URL.
	 */
	@Nullable String absolute(String link) {
		String href = link.strip();
		if (href.isEmpty()) {
			return null;
		}
		if (href.startsWith("//")) {
			return articlePage.getScheme() + ":" + href;
		}
		if (href.startsWith("/")) {
			return site.link(href);
		}
		try {
			URI uri = new URI(href);
			return uri.isAbsolute() ? href : articlePage.resolve(uri).toString();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
