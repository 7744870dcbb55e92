package org.backstory.billing.group;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The share of a period left, in whole days (UTC), for pricing seats added mid-period.
 * Days are the UTC dates from the period's start date up to (not including) its end's
 * date: the end's day belongs to the next period, which the renewal charges in full. The
 * day the seats are added counts as left (they are used that day), so seats added on the
 * period's last day cost one day, and seats added on the day it ends (before the renewal,
 * hours away) cost nothing now.
 *
 * @param daysLeft whole days of the period left, today included
 * @param periodDays whole days of the period (28 to 31 for a month, 365 or 366 for a
 * year)
 */
record SeatProration(int daysLeft, int periodDays) {

	/**
	 * The share of the period from {@code periodStart} to {@code periodEnd} left at
	 * {@code now}.
	 */
	static SeatProration of(Instant periodStart, Instant periodEnd, Instant now) {
		LocalDate end = utcDate(periodEnd);
		int periodDays = (int) Math.max(1, ChronoUnit.DAYS.between(utcDate(periodStart), end));
		int daysLeft = (int) Math.min(periodDays, Math.max(0, ChronoUnit.DAYS.between(utcDate(now), end)));
		return new SeatProration(daysLeft, periodDays);
	}

	/**
	 * What {@code seats} seats at {@code seatPrice} a period cost for the days left:
	 * rounded down to the minor unit, as plan changes are, so nobody is charged for a
	 * part of a cent.
	 */
	long amount(long seatPrice, int seats) {
		return Math.multiplyExact(Math.multiplyExact(seatPrice, seats), daysLeft) / periodDays;
	}

	private static LocalDate utcDate(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate();
	}

}
