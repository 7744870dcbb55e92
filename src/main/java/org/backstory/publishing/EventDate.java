package org.backstory.publishing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.backstory.shared.Dates;

/**
 * When a storyline event happened, known to the day, the month or only the year. The date
 * is the first day of its period when less than a day is known, so events sort by it.
 *
 * @param date the day, or the first day of the month or year
 * @param precision how much of the date is known
 */
public record EventDate(LocalDate date, Precision precision) {

	/** How much of an event's date is known. */
	public enum Precision {

		DAY, MONTH, YEAR

	}

	private static final Pattern WRITTEN = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

	public EventDate {
		date = switch (precision) {
			case DAY -> date;
			case MONTH -> date.withDayOfMonth(1);
			case YEAR -> date.withDayOfYear(1);
		};
	}

	/**
	 * Reads a date as an editor writes it: {@code 2019-03-12}, {@code 2019-03} or
	 * {@code 2019}; empty if it is none of these or not a real date (year 0000 included:
	 * the calendar has none).
	 */
	public static Optional<EventDate> parse(String written) {
		Matcher matcher = WRITTEN.matcher(written.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			int year = Integer.parseInt(matcher.group(1));
			if (year < 1) {
				return Optional.empty();
			}
			if (matcher.group(2) == null) {
				return Optional.of(new EventDate(LocalDate.of(year, 1, 1), Precision.YEAR));
			}
			int month = Integer.parseInt(matcher.group(2));
			if (matcher.group(3) == null) {
				return Optional.of(new EventDate(LocalDate.of(year, month, 1), Precision.MONTH));
			}
			return Optional
				.of(new EventDate(LocalDate.of(year, month, Integer.parseInt(matcher.group(3))), Precision.DAY));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The date as a reader sees it: "12 March 2019", "March 2019" or "2019". */
	public String text() {
		return switch (precision) {
			case DAY -> Dates.readerDate(date);
			case MONTH -> Dates.readerMonth(date);
			case YEAR -> Integer.toString(date.getYear());
		};
	}

	/**
	 * The date as an editor writes it and {@link #parse} reads it back, also fit for
	 * {@code <time datetime>}.
	 */
	public String written() {
		String iso = date.toString();
		return switch (precision) {
			case DAY -> iso;
			case MONTH -> iso.substring(0, 7);
			case YEAR -> iso.substring(0, 4);
		};
	}

}
