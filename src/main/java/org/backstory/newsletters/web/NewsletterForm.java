package org.backstory.newsletters.web;

import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterSettings;
import org.jspecify.annotations.Nullable;

/**
 * The staff form for a newsletter's settings, as typed.
 *
 * @param slug the short stable name
 * @param name what members see
 * @param description shown next to the opt-in
 * @param senderName the display name in {@code From}
 * @param senderAddress the address in {@code From}
 * @param replyTo where replies go, or empty for the sender address
 * @param defaultOn present (any value) when the box for new members is ticked
 */
public record NewsletterForm(@Nullable String slug, @Nullable String name, @Nullable String description,
		@Nullable String senderName, @Nullable String senderAddress, @Nullable String replyTo,
		@Nullable String defaultOn) {

	static NewsletterForm empty() {
		return new NewsletterForm("", "", "", "", "", "", null);
	}

	static NewsletterForm of(Newsletter newsletter) {
		return new NewsletterForm(newsletter.slug(), newsletter.name(), newsletter.description(),
				newsletter.senderName(), newsletter.senderAddress(), newsletter.replyTo(),
				newsletter.defaultOn() ? "true" : null);
	}

	/** Whether new members get the newsletter unless they say otherwise. */
	public boolean on() {
		return defaultOn != null;
	}

	NewsletterSettings settings() {
		String reply = text(replyTo);
		return new NewsletterSettings(text(slug), text(name), text(description), text(senderName), text(senderAddress),
				reply.isEmpty() ? null : reply, on());
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

}
