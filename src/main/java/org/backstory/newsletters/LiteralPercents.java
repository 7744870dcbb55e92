package org.backstory.newsletters;

import java.util.regex.Pattern;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import org.jspecify.annotations.Nullable;

/**
 * Keeps article text from being taken for a {@link Personalization} placeholder: every
 * placeholder starts with {@code %%}, so no {@code %%} from an article may reach a
 * rendered edition. In HTML the first of two percent signs becomes {@code &#37;}, which
 * reads the same; plain text has no escapes, so a word joiner (U+2060, invisible and
 * never a line break) goes between them.
 */
final class LiteralPercents {

	private static final String HTML_PERCENT = "&#37;";

	private static final char WORD_JOINER = '\u2060';

	/** A percent sign followed by another. */
	private static final Pattern DOUBLED = Pattern.compile("%(?=%)");

	private LiteralPercents() {
	}

	/** HTML (text or attribute values) with no two percent signs in a row. */
	static String inHtml(String html) {
		return html.indexOf("%%") < 0 ? html : DOUBLED.matcher(html).replaceAll(HTML_PERCENT);
	}

	/** Plain text with no two percent signs in a row. */
	static String inText(String text) {
		if (text.indexOf("%%") < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(c);
			if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
				out.append(WORD_JOINER);
			}
		}
		return out.toString();
	}

	/**
	 * jte's HTML output with every value a template writes with {@code ${...}} made
	 * percent-safe; what the template itself writes, and {@code $unsafe{...}}, passes
	 * unchanged, which is how the placeholders get through.
	 */
	static final class HtmlOutput extends OwaspHtmlTemplateOutput {

		HtmlOutput(TemplateOutput output) {
			super(output);
		}

		@Override
		public void writeUserContent(@Nullable String value) {
			if (value == null || value.indexOf("%%") < 0) {
				super.writeUserContent(value);
				return;
			}
			int from = 0;
			for (int at = value.indexOf("%%"); at >= 0; at = value.indexOf("%%", from)) {
				super.writeUserContent(value.substring(from, at));
				writeContent(HTML_PERCENT);
				from = at + 1;
			}
			super.writeUserContent(value.substring(from));
		}

	}

}
