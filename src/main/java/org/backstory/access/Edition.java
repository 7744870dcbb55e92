package org.backstory.access;

import java.util.Locale;

import org.backstory.access.AccessDecision.Remedy;
import org.jspecify.annotations.Nullable;

/**
 * Which version of an article one recipient of an emailed article gets: the whole
 * article, or the preview with the paywall box for the reason they were refused.
 * Recipients with the same edition get the same text, so an email is rendered once per
 * edition, not once per recipient.
 *
 * @param remedy why the recipient may not read the whole article; null for the whole
 * article
 */
public record Edition(@Nullable Remedy remedy) {

	/** The whole article. */
	public static final Edition COMPLETE = new Edition(null);

	private static final String COMPLETE_KEY = "complete";

	/** Whether this edition carries the whole article. */
	public boolean complete() {
		return remedy == null;
	}

	/**
	 * A short stable name to store: {@code complete}, or {@code preview-} and the remedy.
	 */
	public String key() {
		return remedy == null ? COMPLETE_KEY : "preview-" + remedy.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The edition {@link #key()} named.
	 * @throws IllegalArgumentException for a key no edition has
	 */
	public static Edition ofKey(String key) {
		if (key.equals(COMPLETE_KEY)) {
			return COMPLETE;
		}
		if (!key.startsWith("preview-")) {
			throw new IllegalArgumentException("Unknown edition " + key);
		}
		return new Edition(Remedy.valueOf(key.substring("preview-".length()).toUpperCase(Locale.ROOT)));
	}

}
