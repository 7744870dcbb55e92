package org.backstory.newsletters;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The inline styles of an emailed article body. Mail clients drop or ignore stylesheets
 * unevenly, so every element carries its own {@code style}; the values follow the site's
 * stylesheet, sized in pixels.
 */
final class EmailStyles {

	// Family names unquoted (valid CSS), so no quote in a style attribute needs escaping.
	static final String SERIF = "Georgia,Times New Roman,Times,serif";

	static final String SANS = "-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif";

	static final String MONO = "Menlo,Consolas,Courier New,monospace";

	static final String INK = "#1d1d1f";

	static final String MUTED = "#5f6368";

	static final String RULE = "#e3e3e3";

	static final String PANEL = "#f5f1ea";

	private static final String DEFAULT_ACCENT = "#b4233c";

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final String TEXT = "font-family:" + SERIF + ";font-size:18px;line-height:1.6;color:" + INK + ";";

	private static final String HEADING = "font-family:" + SANS + ";font-weight:700;line-height:1.25;color:" + INK
			+ ";";

	private static final String MINOR_HEADING = "margin:24px 0 8px;font-size:18px;" + HEADING;

	private static final String LIST = "margin:0 0 20px;padding:0 0 0 28px;" + TEXT;

	private final String accent;

	private final Map<String, String> byTag;

	EmailStyles(String accentColor) {
		this.accent = COLOUR.matcher(accentColor).matches() ? accentColor : DEFAULT_ACCENT;
		this.byTag = Map.ofEntries(Map.entry("p", "margin:0 0 20px;" + TEXT),
				Map.entry("h1", "margin:32px 0 12px;font-size:26px;" + HEADING),
				Map.entry("h2", "margin:32px 0 12px;font-size:24px;" + HEADING),
				Map.entry("h3", "margin:28px 0 10px;font-size:20px;" + HEADING), Map.entry("h4", MINOR_HEADING),
				Map.entry("h5", MINOR_HEADING), Map.entry("h6", MINOR_HEADING),
				Map.entry("blockquote",
						"margin:0 0 20px;padding:4px 0 4px 18px;border-left:3px solid " + accent + ";color:" + MUTED
								+ ";font-style:italic;"),
				Map.entry("ul", LIST), Map.entry("ol", LIST), Map.entry("li", "margin:0 0 8px;" + TEXT),
				Map.entry("a", "color:" + accent + ";text-decoration:underline;"),
				Map.entry("img", "display:block;max-width:100%;height:auto;margin:0 auto;border:0;outline:none;"),
				Map.entry("figure", "margin:0 0 24px;padding:0;"),
				Map.entry("figcaption",
						"margin:8px 0 0;font-family:" + SANS + ";font-size:14px;line-height:1.4;color:" + MUTED
								+ ";text-align:center;"),
				Map.entry("pre",
						"margin:0 0 20px;padding:12px 16px;background-color:" + PANEL + ";border-radius:4px;"
								+ "font-family:" + MONO + ";font-size:14px;line-height:1.5;color:" + INK
								+ ";white-space:pre-wrap;word-wrap:break-word;"),
				Map.entry("code",
						"font-family:" + MONO + ";font-size:15px;background-color:" + PANEL
								+ ";padding:1px 4px;border-radius:3px;"),
				Map.entry("table",
						"width:100%;margin:0 0 20px;border-collapse:collapse;font-family:" + SANS
								+ ";font-size:15px;line-height:1.4;color:" + INK + ";"),
				Map.entry("th",
						"padding:6px 8px;border-bottom:2px solid " + RULE + ";font-weight:700;vertical-align:bottom;"),
				Map.entry("td", "padding:6px 8px;border-bottom:1px solid " + RULE + ";vertical-align:top;"),
				Map.entry("hr", "height:0;margin:32px 0;border:0;border-top:1px solid " + RULE + ";"),
				Map.entry("mark", "background-color:#fff3a3;color:" + INK + ";"));
	}

	/**
	 * The publication's accent colour, or the house red when it is not a {@code #rrggbb}
	 * colour.
	 */
	String accent() {
		return accent;
	}

	/**
	 * The style of an element of the article body, or null for one that inherits all it
	 * needs.
	 */
	@Nullable String of(String tag) {
		return byTag.get(tag);
	}

	/** A code block's code: the block around it carries the styling. */
	String codeInBlock() {
		return "font-family:" + MONO + ";font-size:14px;";
	}

	/**
	 * A house section's shaded box. The rest of a now part after a paywall marker
	 * ({@code continued}) goes on in the same box, so it has no edge of its own.
	 */
	String houseBox(String cssClass) {
		List<String> classes = List.of(cssClass.split(" "));
		String edge = classes.contains("continued") ? "border:0;" : classes.contains("whats-going-on-now")
				? "border-top:3px solid " + accent + ";" : "border-left:4px solid " + accent + ";";
		return "width:100%;margin:0 0 24px;border-collapse:collapse;background-color:" + PANEL + ";" + edge;
	}

	/** The cell inside a house section's box. */
	String houseCell() {
		return "padding:20px 24px;";
	}

	/** The heading that opens a house section, set as a small label. */
	String houseLabel() {
		return "margin:0 0 12px;font-family:" + SANS + ";font-size:13px;font-weight:700;line-height:1.4;"
				+ "letter-spacing:1px;text-transform:uppercase;color:" + accent + ";";
	}

}
