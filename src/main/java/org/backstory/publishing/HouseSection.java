package org.backstory.publishing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two sections of the house format. In a piece in the format they are its background
 * and now parts, each rendered as a {@code <section>} with the given class under the
 * publication's label ({@link HouseLabels}). In a free-standing body an H2 with one of
 * these names still opens a section that runs until the next H2, as before the format had
 * parts of its own; {@link HouseFormat} recognises the same names when it splits a body.
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

	/**
	 * The section a heading with this text opens, ignoring case, apostrophes and a
	 * trailing colon.
	 */
	static Optional<HouseSection> named(String headingText) {
		String normalised = normalised(headingText);
		for (HouseSection section : values()) {
			if (section.key.equals(normalised)) {
				return Optional.of(section);
			}
		}
		return Optional.empty();
	}

	/**
	 * The section a heading with this text opens: one of the default names, or the
	 * publication's own label for it, compared the same forgiving way.
	 */
	static Optional<HouseSection> named(String headingText, HouseLabels labels) {
		String normalised = normalised(headingText);
		if (normalised.equals(normalised(labels.background()))) {
			return Optional.of(BEFORE_YOU_READ);
		}
		if (normalised.equals(normalised(labels.now()))) {
			return Optional.of(WHATS_GOING_ON_NOW);
		}
		return named(headingText);
	}

	private static String normalised(String headingText) {
		String normalised = APOSTROPHES.matcher(headingText.toLowerCase(Locale.ROOT)).replaceAll("");
		normalised = SPACES.matcher(normalised).replaceAll(" ").strip();
		return TRAILING_PUNCTUATION.matcher(normalised).replaceAll("");
	}

}
