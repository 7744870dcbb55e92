package org.backstory.publishing;

/**
 * A storyline event as an editor writes it, before it is checked.
 *
 * @param date {@code 2019-03-12}, {@code 2019-03} or {@code 2019}
 * @param summary one line
 * @param quote what someone said, or empty
 * @param speaker who said it, or empty
 * @param sources one link a line: an address, optionally followed by a space and a label
 * @param article the slug of the article that covers it, or empty
 * @param key whether it is a key event
 */
public record EventDraft(String date, String summary, String quote, String speaker, String sources, String article,
		boolean key) {

	/** An empty form. */
	public static EventDraft blank() {
		return new EventDraft("", "", "", "", "", "", false);
	}

}
