package org.backstory.publishing;

/**
 * An article's text in its three parts. A piece in the house format has a background or a
 * now part (or both), and its body is the opening shown before the background; a piece
 * that does not use the format has only a body, its whole text.
 *
 * @param body the opening of a piece in the format, or the whole free-standing text
 * (Markdown; may be empty in the format)
 * @param background what a reader should know before reading, shown under the
 * publication's first label (Markdown)
 * @param now what is going on now, shown under the second label (Markdown)
 */
public record HouseText(String body, String background, String now) {

	/** A free-standing body, not in the format. */
	public static HouseText of(String body) {
		return new HouseText(body, "", "");
	}

	/** Whether the piece uses the house format: it has a background or a now part. */
	public boolean formatted() {
		return !background.isBlank() || !now.isBlank();
	}

	/**
	 * The three parts one after another, for finding words in the whole text (not for
	 * showing it).
	 */
	public String joinedForMatching() {
		return body + "\n\n" + background + "\n\n" + now;
	}

	/** The number of characters in all three parts. */
	public int length() {
		return body.length() + background.length() + now.length();
	}

	/**
	 * The three parts with control characters (other than tab and line breaks) removed.
	 */
	HouseText withoutControls() {
		return new HouseText(EditorialRules.withoutControls(body), EditorialRules.withoutControls(background),
				EditorialRules.withoutControls(now));
	}

}
