package org.backstory.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.backstory.shared.Dates;

/**
 * A date as a reader sees it ({@code 29 November 2026}) with its machine-readable form
 * for {@code <time datetime>}. Dates are shown in UTC until publications have a time zone
 * setting.
 *
 * @param iso the instant in ISO-8601, to the second
 * @param text the day, month and year in words
 */
public record ReadingDate(String iso, String text) {

	static ReadingDate of(Instant instant) {
		Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
		return new ReadingDate(seconds.toString(), Dates.readerDate(seconds));
	}

}
