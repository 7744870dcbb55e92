package org.backstory.publishing;

/**
 * Where an article lives on the site: {@code /p/{slug}}, the one path the reader-facing
 * article page answers (an old slug answers 301 to its current one). Every link, feed,
 * sitemap, API and mail builds the address here, so the path is spelled once.
 */
public final class ArticleLinks {

	private ArticleLinks() {
	}

	/**
	 * The site-relative path of the article page with this slug: {@code /p/some-article}.
	 */
	public static String page(String slug) {
		return "/p/" + slug;
	}

}
