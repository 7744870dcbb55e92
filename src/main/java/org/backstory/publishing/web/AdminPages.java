package org.backstory.publishing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.publishing.Slugs;
import org.springframework.http.HttpStatus;

/**
 * What the tags and storylines pages share: the 422 of a refused form, slugs from names.
 */
final class AdminPages {

	private AdminPages() {
	}

	static void unprocessable(HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	/**
	 * The slug typed, or one made from the name when none was: "Côte d'Ivoire" gives
	 * {@code cote-d-ivoire}.
	 */
	static String slugOr(String slug, String name) {
		return slug.isBlank() ? Slugs.fromName(name, 100) : slug.strip();
	}

}
