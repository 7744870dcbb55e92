package org.backstory.newsletters.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How staff pages show a moment: to the minute, in UTC, which is also how the publish
 * form takes one.
 */
public final class StaffTime {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private StaffTime() {
	}

	public static String format(Instant at) {
		return TIME.format(at);
	}

}
