package org.backstory.publishing;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The sentence "Insert a linked recap line" writes into the background: the date, what
 * happened and a Markdown link. Built only from public metadata (an event's date and
 * summary, an article's title and publication month), never from an article's text, so a
 * recap line cannot carry gated words into another article.
 */
final class RecapLines {

	/**
	 * Opening words lowered after the date ("On 2 May 2019, the talks…"); any other first
	 * word may be a name.
	 */
	private static final Set<String> LOWERED = Set.of("The", "A", "An");

	private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<])");

	private RecapLines() {
	}

	/**
	 * "On 22 September 2017, the two coast guards agreed a hotline ([more](/p/slug))."
	 * ("In March 2019, …", "In 2019, …" for a less precise date); the link is the
	 * covering article, else the first source, else none.
	 */
	static String event(EventDate date, String summary, @Nullable String href, String linkText) {
		String opening = switch (date.precision()) {
			case DAY -> "On " + date.text();
			case MONTH, YEAR -> "In " + date.text();
		};
		return opening + ", " + sentence(lowered(summary), href, linkText);
	}

	/** "In March 2025: The talks resume ([read](/p/slug))." */
	static String article(LocalDate published, String title, String href) {
		return "In " + new EventDate(published, EventDate.Precision.MONTH).text() + ": "
				+ sentence(title, href, "read");
	}

	private static String sentence(String text, @Nullable String href, String linkText) {
		String body = escaped(text.strip().replaceFirst("\\.+$", ""));
		if (href == null) {
			return body + ".";
		}
		String target = href.matches(".*[\\s()<>].*") ? "<" + href.replace("<", "%3C").replace(">", "%3E") + ">" : href;
		return body + " ([" + linkText + "](" + target + ")).";
	}

	private static String lowered(String summary) {
		String trimmed = summary.strip();
		int space = trimmed.indexOf(' ');
		String first = space < 0 ? trimmed : trimmed.substring(0, space);
		return LOWERED.contains(first) ? Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1) : trimmed;
	}

	private static String escaped(String text) {
		return MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$1");
	}

}
