package org.backstory.publishing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans author HTML (rendered Markdown plus any raw HTML in it) down to a fixed set of
 * tags and attributes: no scripts, no event handlers, no style or class attributes, and
 * links and images only over safe protocols. Comments are dropped too, which is what
 * removes the paywall marker.
 */
final class HtmlSanitizer {

	/**
	 * Lets relative links such as {@code /p/other} through the protocol check; never
	 * appears in output.
	 */
	private static final String BASE_URI = "https://sanitizer.invalid/";

	private static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("hr", "del", "s", "ins", "mark", "abbr", "figure", "figcaption")
		.addAttributes("abbr", "title")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addEnforcedAttribute("a", "rel", "nofollow noopener")
		.addEnforcedAttribute("img", "loading", "lazy")
		.preserveRelativeLinks(true);

	private static final Pattern WORD = Pattern.compile("\\S+");

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	/**
	 * The cleaned HTML; the site's own uploaded images then get their {@code srcset}
	 * (built from trusted parts).
	 */
	String clean(String html) {
		Document clean = cleaned(html);
		clean.outputSettings(OUTPUT);
		ResponsiveImages.addTo(clean.body());
		return clean.body().html();
	}

	/** How much a reader sees of the HTML once cleaned: its words plus its images. */
	int visibleSize(String html) {
		Element body = cleaned(html).body();
		int words = 0;
		Matcher word = WORD.matcher(body.text());
		while (word.find()) {
			words++;
		}
		return words + body.getElementsByTag("img").size();
	}

	private static Document cleaned(String html) {
		return new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html, BASE_URI));
	}

}
