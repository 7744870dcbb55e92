package org.backstory.email;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The publication a system mail speaks for: who it is from and how it looks.
 *
 * @param name the publication's name, the display name in {@code From} and the masthead
 * @param sellerName who publishes it in law, above the postal address in the footer
 * @param postalLines the publisher's postal address, one line each; may be empty
 * @param accentColor a {@code #rrggbb} colour for the top rule and the button; anything
 * else is replaced by the house red
 * @param logoUrl an absolute logo address, or null for none
 * @param homeUrl the publication's home page
 */
public record MailBrand(String name, String sellerName, List<String> postalLines, String accentColor,
		@Nullable String logoUrl, String homeUrl) {

	/** The house red, as on the site. */
	public static final String DEFAULT_ACCENT = "#b4233c";

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	public MailBrand {
		postalLines = List.copyOf(postalLines);
		if (!COLOUR.matcher(accentColor).matches()) {
			accentColor = DEFAULT_ACCENT;
		}
	}

}
