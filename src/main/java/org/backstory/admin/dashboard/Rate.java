package org.backstory.admin.dashboard;

import java.util.Locale;

/**
 * A rate on the dashboard with what it is made of and its definition.
 *
 * @param id for the page's anchors, e.g. {@code churn}
 * @param name e.g. {@code Monthly churn}
 * @param value e.g. {@code 4.2%}, or {@link #NONE} when its denominator is zero
 * @param detail the counts behind it, e.g. {@code 3 ended of 72 live}
 * @param definition how it is computed
 */
public record Rate(String id, String name, String value, String detail, String definition) {

	/** Shown for a rate whose denominator is zero. */
	static final String NONE = "—";

	/** {@code part ÷ whole} as a percentage to one decimal, or {@link #NONE}. */
	static String percent(long part, long whole) {
		return whole == 0 ? NONE : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
	}

	/**
	 * Growth from {@code start} to {@code end} as a signed percentage, or {@link #NONE}.
	 */
	static String growth(long start, long end) {
		return start == 0 ? NONE : String.format(Locale.ROOT, "%+.1f%%", 100.0 * (end - start) / start);
	}

}
