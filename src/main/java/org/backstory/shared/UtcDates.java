package org.backstory.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Dates written without a zone, as spreadsheets and older exports write them, read as
 * UTC. The importers try these forms after their own with a zone.
 */
public final class UtcDates {

	private UtcDates() {
	}

	/**
	 * A date and time with a space or a {@code T} between them
	 * ({@code 2024-03-01 09:30:00}), or a date ({@code 2024-03-01}, its midnight), in
	 * UTC; null when the text is neither.
	 */
	public static @Nullable Instant withoutZone(String value) {
		try {
			return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// not a date and time; perhaps a date alone
		}
		try {
			return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
