package org.backstory.email;

import org.jspecify.annotations.Nullable;

/**
 * One outbound message to one address.
 *
 * @param to the recipient's address
 * @param subject the subject line, a single line
 * @param text the plain-text body; always present
 * @param html an optional HTML alternative to {@code text}
 * @param key an optional idempotency key: a second mail with the same key is ignored, so
 * listeners that may run more than once (at-least-once events) send once; null for no
 * deduplication
 */
public record Mail(String to, String subject, String text, @Nullable String html, @Nullable String key) {

	public Mail {
		if (to.isBlank() || to.length() > 254 || hasLineBreak(to)) {
			throw new IllegalArgumentException("Recipient must be one address of at most 254 characters");
		}
		if (subject.length() > 300 || hasLineBreak(subject)) {
			throw new IllegalArgumentException("Subject must be one line of at most 300 characters");
		}
		if (key != null && (key.isBlank() || key.length() > 200)) {
			throw new IllegalArgumentException("Idempotency key must be 1 to 200 characters");
		}
	}

	/** A mail without an idempotency key. */
	public Mail(String to, String subject, String text, @Nullable String html) {
		this(to, subject, text, html, null);
	}

	/**
	 * A mail written as plain text, without an idempotency key; {@link Mailer} lays it
	 * out as text and HTML. Prefer a {@link SystemMail}, which names its heading and
	 * button.
	 */
	public static Mail text(String to, String subject, String text) {
		return new Mail(to, subject, text, null, null);
	}

	/** This mail, deduplicated by {@code key}. */
	public Mail withKey(String key) {
		return new Mail(to, subject, text, html, key);
	}

	private static boolean hasLineBreak(String value) {
		return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
	}

}
