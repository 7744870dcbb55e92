package org.backstory.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How Backstory writes a date or a moment for people and for other programs, always in
 * UTC and in English month names, so each form is declared once. A reader sees
 * {@code 1 March 2024}; staff pages show short months or the sortable minute; exports and
 * APIs write ISO 8601 to the millisecond.
 */
public final class Dates {

	private static final DateTimeFormatter READER_DATE = utc("d MMMM yyyy");

	private static final DateTimeFormatter READER_MONTH = utc("MMMM yyyy");

	private static final DateTimeFormatter READER_MINUTE = utc("d MMMM yyyy, HH:mm 'UTC'");

	private static final DateTimeFormatter STAFF_DAY = utc("d MMM");

	private static final DateTimeFormatter STAFF_DATE = utc("d MMM yyyy");

	private static final DateTimeFormatter STAFF_TIME = utc("d MMM yyyy HH:mm 'UTC'");

	private static final DateTimeFormatter STAFF_SECOND = utc("d MMM yyyy HH:mm:ss 'UTC'");

	private static final DateTimeFormatter CLOCK_TIME = utc("HH:mm");

	private static final DateTimeFormatter SORTABLE_MINUTE = utc("yyyy-MM-dd HH:mm 'UTC'");

	private static final DateTimeFormatter SORTABLE_SECOND = utc("yyyy-MM-dd HH:mm:ss 'UTC'");

	private static final DateTimeFormatter ISO = utc("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private static final DateTimeFormatter ISO_WITH_OFFSET = utc("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

	private Dates() {
	}

	/**
	 * A day as readers read it: {@code 1 March 2024}.
	 * @param day an {@link Instant} (its UTC day) or a {@link java.time.LocalDate}
	 */
	public static String readerDate(TemporalAccessor day) {
		return READER_DATE.format(day);
	}

	/**
	 * The last day of something that lasts until this moment, as readers read it: access
	 * that ends as 1 April 2027 begins lasts through {@code 31 March 2027}. Every page
	 * and mail that names the end of a comp or a coupon says this day, so staff who grant
	 * access "through 31 March" read 31 March everywhere.
	 */
	public static String readerLastDay(Instant end) {
		return readerDate(end.minusNanos(1));
	}

	/** A month as readers read it: {@code March 2024}. */
	public static String readerMonth(TemporalAccessor month) {
		return READER_MONTH.format(month);
	}

	/** A moment as readers read it: {@code 1 March 2024, 09:30 UTC}. */
	public static String readerMinute(Instant at) {
		return READER_MINUTE.format(at);
	}

	/** A day without its year, as chart axes label it: {@code 1 Mar}. */
	public static String staffDay(TemporalAccessor day) {
		return STAFF_DAY.format(day);
	}

	/** A day as staff lists show it: {@code 1 Mar 2024}. */
	public static String staffDate(TemporalAccessor day) {
		return STAFF_DATE.format(day);
	}

	/** A moment as staff lists show it: {@code 1 Mar 2024 09:30 UTC}. */
	public static String staffTime(Instant at) {
		return STAFF_TIME.format(at);
	}

	/**
	 * A moment to the second, as the audit log shows it: {@code 1 Mar 2024 09:30:15 UTC}.
	 */
	public static String staffSecond(Instant at) {
		return STAFF_SECOND.format(at);
	}

	/** The time of day alone, {@code 09:30}, for a moment the page says is today. */
	public static String clockTime(Instant at) {
		return CLOCK_TIME.format(at);
	}

	/**
	 * A moment to the minute in the order it sorts, {@code 2024-03-01 09:30 UTC}: the
	 * form the newsroom's publish fields take back.
	 */
	public static String sortableMinute(Instant at) {
		return SORTABLE_MINUTE.format(at);
	}

	/** A moment to the second in the order it sorts: {@code 2024-03-01 09:30:15 UTC}. */
	public static String sortableSecond(Instant at) {
		return SORTABLE_SECOND.format(at);
	}

	/**
	 * ISO 8601 in UTC to the millisecond, {@code 2024-03-01T09:30:00.000Z}, as Ghost's
	 * exports and Admin API and JavaScript's {@code toISOString()} write it.
	 */
	public static String iso(Instant at) {
		return ISO.format(at);
	}

	/**
	 * ISO 8601 to the millisecond with a numeric offset,
	 * {@code 2024-03-01T09:30:00.000+00:00}, as Ghost's Content API writes it.
	 */
	public static String isoWithOffset(Instant at) {
		return ISO_WITH_OFFSET.format(at);
	}

	private static DateTimeFormatter utc(String pattern) {
		return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC);
	}

}
