package org.backstory.newsletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Makes a tracked send's editions: every http(s) link of the HTML part becomes a
 * {@link Personalization#click(int) click placeholder} numbered by its URL (the same URL
 * in two editions of one send has one number), and an open pixel's placeholder goes
 * before {@code </body>}. The unsubscribe and preferences links are placeholders already
 * and stay as they are; so do {@code mailto:} links and the plain-text part, whose
 * readers see where a link goes. One instance per send, done when the send starts.
 */
final class TrackedLinks {

	/**
	 * The {@code href} of an {@code <a>}, as jte and jsoup write it: double-quoted, the
	 * scheme in lower case (as {@code newsletters.send_link} takes it).
	 */
	private static final Pattern HREF = Pattern.compile("((?i:<a\\s[^>]*?href=\"))(https?://[^\"]*)(\")");

	/** What {@code newsletters.send_link} takes; a longer link is left untracked. */
	static final int MAX_URL = 4000;

	static final String PIXEL = "<img src=\"" + Personalization.OPEN_URL
			+ "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0;\">";

	/**
	 * A transparent 1x1 GIF as a data URI: the pixel of a preview, which loads nothing.
	 */
	static final String BLANK_PIXEL = "data:image/gif;base64," + EmailTracking.PIXEL_GIF_BASE64;

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final Map<String, Integer> positions = new HashMap<>();

	private final List<String> urls = new ArrayList<>();

	/** The edition with its links numbered and the pixel added. */
	EditionContent track(EditionContent edition) {
		Matcher href = HREF.matcher(edition.html());
		StringBuilder html = new StringBuilder(edition.html().length() + 1024);
		while (href.find()) {
			String url = headerSafe(HtmlUtils.htmlUnescape(href.group(2)));
			String replacement = url.length() > MAX_URL ? href.group()
					: href.group(1) + Personalization.click(position(url)) + href.group(3);
			href.appendReplacement(html, Matcher.quoteReplacement(replacement));
		}
		href.appendTail(html);
		int body = html.lastIndexOf("</body>");
		html.insert(body < 0 ? html.length() : body, PIXEL);
		return new EditionContent(edition.subject(), html.toString(), edition.text());
	}

	/** The send's tracked links, by position (the index). */
	List<String> urls() {
		return List.copyOf(urls);
	}

	/**
	 * The URL with every character that may not stand in a {@code Location} header
	 * (controls, spaces, anything beyond ASCII) percent-encoded as UTF-8, as a browser
	 * would before following it: a line break in an article's link must never reach a
	 * response header.
	 */
	static String headerSafe(String url) {
		StringBuilder safe = new StringBuilder(url.length());
		url.codePoints().forEach(point -> {
			if (point > 0x20 && point < 0x7f) {
				safe.appendCodePoint(point);
			}
			else {
				for (byte b : new String(Character.toChars(point)).getBytes(StandardCharsets.UTF_8)) {
					safe.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
				}
			}
		});
		return safe.toString();
	}

	private int position(String url) {
		return positions.computeIfAbsent(url, first -> {
			urls.add(first);
			return urls.size() - 1;
		});
	}

}
