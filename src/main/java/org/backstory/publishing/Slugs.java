package org.backstory.publishing;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Slugs made from names, for bylines, tags and storylines whose staff left the slug to
 * us.
 */
public final class Slugs {

	private Slugs() {
	}

	/**
	 * The name's letters and digits, accents dropped and lower-cased, in words joined by
	 * single hyphens, cut at a word boundary to at most {@code maxLength} characters;
	 * empty if the name has no letter or digit.
	 */
	public static String fromName(String name, int maxLength) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT);
		String made = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return made.length() <= maxLength ? made : made.substring(0, maxLength).replaceAll("-+$", "");
	}

}
