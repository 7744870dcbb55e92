package org.backstory.billing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** How often a paid subscription is charged. */
public enum BillingInterval {

	MONTH, YEAR;

	/**
	 * The end of a period that starts at {@code start} and anchors the billing cycle
	 * there: the same day one calendar month or year later, in UTC (the month's last day
	 * when it is shorter).
	 */
	public Instant periodEnd(Instant start) {
		return periodEnd(start, anchorDay(start));
	}

	/**
	 * The end of a period that starts at {@code start} in a cycle anchored on
	 * {@code anchorDay}, as Stripe's billing cycle anchor: one calendar month or year
	 * later in UTC, on the anchor day, or the month's last day when the month is shorter.
	 * A subscription begun on 31 January renews on 28 (or 29) February, then on 31 March;
	 * one begun on 29 February renews on 28 February, and on 29 February in leap years.
	 * Every period end of a renewing subscription comes from here.
	 * @param anchorDay 1 to 31: the day of the month the cycle began on
	 */
	public Instant periodEnd(Instant start, int anchorDay) {
		if (anchorDay < 1 || anchorDay > 31) {
			throw new IllegalArgumentException("an anchor day is 1 to 31");
		}
		ZonedDateTime next = start.atZone(ZoneOffset.UTC).plus(1, this == MONTH ? ChronoUnit.MONTHS : ChronoUnit.YEARS);
		return next.withDayOfMonth(Math.min(anchorDay, next.toLocalDate().lengthOfMonth())).toInstant();
	}

	/** The day of the month (UTC) a cycle beginning at {@code start} renews on. */
	public static int anchorDay(Instant start) {
		return start.atZone(ZoneOffset.UTC).getDayOfMonth();
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
