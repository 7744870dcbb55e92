package org.backstory.exports;

import java.time.Instant;

import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * How the export writes dates and optional fields: dates as Ghost writes them, UTC to the
 * millisecond.
 */
final class JsonFields {

	private JsonFields() {
	}

	/** {@code 2026-12-07T01:02:03.000Z}, as in Ghost's export and the member CSV. */
	static String date(Instant instant) {
		return Dates.iso(instant);
	}

	static @Nullable String dateOrNull(@Nullable Instant instant) {
		return instant == null ? null : Dates.iso(instant);
	}

	/**
	 * A string property, or {@code null} when the value is null or empty (Ghost's empty
	 * fields are null).
	 */
	static void text(JsonGenerator json, String name, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			json.writeNullProperty(name);
		}
		else {
			json.writeStringProperty(name, value);
		}
	}

	/** A string property that may be empty but never null. */
	static void string(JsonGenerator json, String name, String value) {
		json.writeStringProperty(name, value);
	}

	static void number(JsonGenerator json, String name, @Nullable Number value) {
		if (value == null) {
			json.writeNullProperty(name);
		}
		else {
			json.writeNumberProperty(name, value.longValue());
		}
	}

}
