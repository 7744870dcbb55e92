package org.backstory.webhooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** Dates as Ghost's Content API writes them: {@code 2019-11-26T02:43:13.000+00:00}. */
final class GhostDates {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
		.withZone(ZoneOffset.UTC);

	private GhostDates() {
	}

	static @Nullable String format(@Nullable Instant instant) {
		return instant == null ? null : FORMAT.format(instant);
	}

}
