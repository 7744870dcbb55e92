package org.backstory.email;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A mail the publication sends on its own account (a sign-in link, a receipt, a dunning
 * notice, a welcome), written as a message model that {@link Mailer} lays out once as
 * both a plain-text and an HTML part in the publication's look. Built step by step:
 * {@code SystemMail.to(address, subject).heading(...).paragraph(...).action(label, url)}.
 *
 * @param to the recipient's address
 * @param subject the subject line, a single line
 * @param heading the title at the top of the message; may be empty
 * @param paragraphs what the message says, before the action; plain text, one entry a
 * paragraph (line breaks inside one are kept)
 * @param action the one call to action, a button in HTML and "label: url" in text; or
 * null
 * @param notes small print after the action ("it works once, within 24 hours")
 * @param key an optional idempotency key, as {@link Mail#key()}
 */
public record SystemMail(String to, String subject, String heading, List<String> paragraphs, @Nullable Action action,
		List<String> notes, @Nullable String key) {

	public SystemMail {
		paragraphs = List.copyOf(paragraphs);
		notes = List.copyOf(notes);
	}

	/** An empty message to {@code to}. */
	public static SystemMail to(String to, String subject) {
		return new SystemMail(to, subject, "", List.of(), null, List.of(), null);
	}

	/** This message with {@code heading} as its title. */
	public SystemMail heading(String heading) {
		return new SystemMail(to, subject, heading, paragraphs, action, notes, key);
	}

	/**
	 * This message with one more paragraph before the action; blank text adds nothing.
	 */
	public SystemMail paragraph(String text) {
		return text.isBlank() ? this
				: new SystemMail(to, subject, heading, plus(paragraphs, text.strip()), action, notes, key);
	}

	/** This message with its call to action. */
	public SystemMail action(String label, String url) {
		return new SystemMail(to, subject, heading, paragraphs, new Action(label, url), notes, key);
	}

	/** This message with one more line of small print after the action. */
	public SystemMail note(String text) {
		return new SystemMail(to, subject, heading, paragraphs, action, plus(notes, text.strip()), key);
	}

	/** This message, deduplicated by {@code key} as {@link Mail#withKey}. */
	public SystemMail withKey(String key) {
		return new SystemMail(to, subject, heading, paragraphs, action, notes, key);
	}

	private static List<String> plus(List<String> list, String item) {
		List<String> longer = new ArrayList<>(list);
		longer.add(item);
		return longer;
	}

	/**
	 * A call to action.
	 *
	 * @param label the button's words
	 * @param url an absolute address
	 */
	public record Action(String label, String url) {
	}

}
