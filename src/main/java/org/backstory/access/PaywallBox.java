package org.backstory.access;

import org.backstory.access.AccessDecision.Remedy;
import org.jspecify.annotations.Nullable;

/**
 * What a reader who may not read the rest of an article sees after the preview. Its
 * wording depends on why they were refused; the template is
 * {@code access/paywall-box.jte}.
 *
 * @param remedy why the reader was refused, and so what the box offers
 * @param heading the box's title
 * @param message one or two sentences under the title
 * @param primary the main button
 * @param secondary an optional second link, e.g. "Already a subscriber? Log in"
 * @param footnote an optional small print line
 * @param freeRead for a reader who is not signed in, the link that reads the article
 * through the anonymous meter, when it is on and has articles left
 */
public record PaywallBox(Remedy remedy, String heading, String message, Action primary, @Nullable Action secondary,
		@Nullable String footnote, @Nullable Action freeRead) {

	/** A box without the anonymous meter's offer. */
	public PaywallBox(Remedy remedy, String heading, String message, Action primary, @Nullable Action secondary,
			@Nullable String footnote) {
		this(remedy, heading, message, primary, secondary, footnote, null);
	}

	/**
	 * A link the box offers.
	 *
	 * @param label the link text
	 * @param href where it goes
	 */
	public record Action(String label, String href) {
	}

}
