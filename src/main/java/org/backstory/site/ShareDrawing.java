package org.backstory.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * What a generated share image shows: everything that is drawn, and nothing else, so the
 * picture is known by these values alone and is drawn again only when one of them
 * changes.
 *
 * @param kicker a small word above the title ("Topic", "Author", "Storyline"), or null on
 * an article's card
 * @param title the headline, tag, author or storyline name
 * @param publicationName drawn at the foot of the card
 * @param accentColor the publication's {@code #rrggbb} accent
 */
record ShareDrawing(@Nullable String kicker, String title, String publicationName, String accentColor) {

	/** Raise when the drawing changes, so every cached picture is drawn again. */
	private static final String DESIGN = "share-card-1";

	/**
	 * A digest of everything drawn: the cached file's name, and the version in the
	 * image's address.
	 */
	String key() {
		String drawn = String.join("\u0000", DESIGN, kicker == null ? "" : kicker, title, publicationName, accentColor);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(drawn.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
