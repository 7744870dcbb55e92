package org.backstory.publishing.web;

import java.text.Normalizer;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/** What the tags and storylines pages share: the 422 of a refused form, slugs from names. */
final class AdminPages {

	private AdminPages() {
	}

	static void unprocessable(HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	/** The slug typed, or one made from the name when none was: "Côte d'Ivoire" gives {@code cote-d-ivoire}. */
	static String slugOr(String slug, String name) {
		if (!slug.isBlank()) {
			return slug.strip();
		}
		String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
		String made = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return made.length() <= 100 ? made : made.substring(0, 100).replaceAll("-+$", "");
	}

}
