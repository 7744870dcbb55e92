package org.backstory.publishing.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** How the newsroom pages show a moment: the time of day or the full minute, in UTC. */
final class StaffClock {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private StaffClock() {
	}

	static String time(Instant at) {
		return TIME.format(at);
	}

	static String minute(@Nullable Instant at) {
		return at == null ? "" : MINUTE.format(at);
	}

}
