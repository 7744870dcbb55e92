package org.backstory.email.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of a plain-text mail body: either text or a web link, so the outbox can render
 * links safely, and system mail can make them links in its HTML part.
 */
public record TextSegment(String text, boolean link) {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	/** {@code body} cut into text and the web links in it. */
	public static List<TextSegment> split(String body) {
		List<TextSegment> segments = new ArrayList<>();
		Matcher matcher = LINK.matcher(body);
		int start = 0;
		while (matcher.find()) {
			if (matcher.start() > start) {
				segments.add(new TextSegment(body.substring(start, matcher.start()), false));
			}
			segments.add(new TextSegment(matcher.group(), true));
			start = matcher.end();
		}
		if (start < body.length()) {
			segments.add(new TextSegment(body.substring(start), false));
		}
		return segments;
	}

}
