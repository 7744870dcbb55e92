package org.backstory.newsletters;

import java.util.Locale;

/**
 * A count with its share of a whole, as staff pages show engagement: {@code 3 (1.5 %)}.
 */
final class Shares {

	private Shares() {
	}

	/** The bare count when the whole is zero. */
	static String of(int count, int whole) {
		return whole == 0 ? String.valueOf(count)
				: count + " (" + String.format(Locale.ROOT, "%.1f", 100.0 * count / whole) + " %)";
	}

}
