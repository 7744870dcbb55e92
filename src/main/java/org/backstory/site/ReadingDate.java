package org.backstory.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A date as a reader sees it ({@code 29 November 2026}) with its machine-readable form
 * for {@code <time datetime>}. Dates are shown in UTC until publications have a time zone
 * setting.
 *
 * @param iso the instant in ISO-8601, to the second
 * @param text the day, month and year in words
 */
public record ReadingDate(String iso, String text) {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	static ReadingDate of(Instant instant) {
		Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
		return new ReadingDate(seconds.toString(), TEXT.format(seconds));
	}

}
