package org.backstory.publishing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two named sections of the house format. An H2 with one of these names opens a section that runs
 * until the next H2; it is rendered as a {@code <section>} with the given class so it can be styled.
 */
enum HouseSection {

	BEFORE_YOU_READ("before you read", "before-you-read"),

	WHATS_GOING_ON_NOW("whats going on now", "whats-going-on-now");

	private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʼ`´]");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s:.!?…]+$");

	private final String key;

	private final String cssClass;

	HouseSection(String key, String cssClass) {
		this.key = key;
		this.cssClass = cssClass;
	}

	String cssClass() {
		return cssClass;
	}

	/** The section a heading with this text opens, ignoring case, apostrophes and a trailing colon. */
	static Optional<HouseSection> named(String headingText) {
		String normalised = APOSTROPHES.matcher(headingText.toLowerCase(Locale.ROOT)).replaceAll("");
		normalised = SPACES.matcher(normalised).replaceAll(" ").strip();
		normalised = TRAILING_PUNCTUATION.matcher(normalised).replaceAll("");
		for (HouseSection section : values()) {
			if (section.key.equals(normalised)) {
				return Optional.of(section);
			}
		}
		return Optional.empty();
	}

}
