package org.backstory.admin.members.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the member pages show them, in UTC. */
final class StaffTimes {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter
		.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private StaffTimes() {
	}

	static String day(Instant at) {
		return DAY.format(at);
	}

	static String minute(Instant at) {
		return MINUTE.format(at);
	}

}
