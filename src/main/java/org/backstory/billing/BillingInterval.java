package org.backstory.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** How often a paid subscription is charged. */
public enum BillingInterval {

	MONTH, YEAR;

	/**
	 * The end of a period that starts at {@code start} (calendar months and years, in
	 * UTC).
	 */
	public Instant periodEnd(Instant start) {
		var utc = start.atZone(ZoneOffset.UTC);
		return (this == MONTH ? utc.plusMonths(1) : utc.plusYears(1)).toInstant();
	}

	/**
	 * The lower-case code used in URLs and the database: {@code month} or {@code year}.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The interval for a code such as {@code month}; empty for anything else. */
	public static Optional<BillingInterval> fromCode(String code) {
		for (BillingInterval interval : values()) {
			if (interval.code().equals(code)) {
				return Optional.of(interval);
			}
		}
		return Optional.empty();
	}

}
