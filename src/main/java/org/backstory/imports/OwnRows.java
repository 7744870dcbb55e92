package org.backstory.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.backstory.imports.GhostExport.text;

/**
 * How the rows of Backstory's own section of an export are read: tables by a key, ids,
 * creation times and lists of strings. A missing id or time is an
 * {@link IllegalArgumentException} naming the row, which makes the import give new ids
 * (and say why).
 */
final class OwnRows {

	private OwnRows() {
	}

	/** The rows of a table by the text of {@code key}; the first row wins a repeat. */
	static Map<String, JsonNode> byKey(JsonNode table, String key) {
		Map<String, JsonNode> rows = new HashMap<>();
		table.forEach(row -> rows.putIfAbsent(text(row, key), row));
		return rows;
	}

	/**
	 * The row's positive id.
	 * @throws IllegalArgumentException with {@code refusal} when it has none
	 */
	static long id(JsonNode row, String refusal) {
		JsonNode id = row.path("id");
		if (!id.canConvertToLong() || id.longValue() <= 0) {
			throw new IllegalArgumentException(refusal);
		}
		return id.longValue();
	}

	/**
	 * The row's {@code created_at}.
	 * @throws IllegalArgumentException naming {@code what} when it has none
	 */
	static Instant createdAt(JsonNode row, String what) {
		Instant at = ArchiveText.instant(text(row, "created_at"));
		if (at == null) {
			throw new IllegalArgumentException(what + " has no created_at");
		}
		return at;
	}

	/** The array's values as text, an item that is not text as empty. */
	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString("")));
		return values;
	}

}
