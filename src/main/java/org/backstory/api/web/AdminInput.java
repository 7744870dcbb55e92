package org.backstory.api.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One resource of an Admin API request body, {@code {"posts":[{...}]}}, read with Ghost's
 * rules: exactly one object; each field checked for its JSON type; a field the resource
 * does not know is a 422, so a typo is never silently dropped; fields Ghost sends back
 * from a read (ids, urls, counts) are accepted and ignored.
 */
final class AdminInput {

	private final Map<String, JsonNode> fields;

	private AdminInput(Map<String, JsonNode> fields) {
		this.fields = fields;
	}

	/**
	 * The object under {@code resource} in {@code body}.
	 * @param known every field the resource takes or ignores
	 * @throws GhostError 400 for text that is not JSON, 422 for any other shape or an
	 * unknown field
	 */
	static AdminInput read(JsonMapper json, @Nullable String body, String resource, Set<String> known) {
		JsonNode root;
		try {
			root = body == null || body.isBlank() ? null : json.readTree(body);
		}
		catch (JacksonException ex) {
			throw GhostError.badRequest("Request not understood.", "The body is not valid JSON.");
		}
		JsonNode list = root == null || !root.isObject() ? null : root.get(resource);
		if (list == null || !list.isArray() || list.size() != 1 || !list.get(0).isObject()) {
			throw invalid("No root key ('" + resource + "') provided: send {\"" + resource + "\":[{...}]}.");
		}
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : list.get(0).properties()) {
			if (!known.contains(field.getKey())) {
				throw invalid("Unknown field \"" + field.getKey() + "\".");
			}
			fields.put(field.getKey(), field.getValue());
		}
		return new AdminInput(fields);
	}

	static GhostError invalid(String context) {
		return new GhostError(HttpStatus.UNPROCESSABLE_CONTENT, "ValidationError", "Validation error.", context, null);
	}

	boolean has(String field) {
		return fields.containsKey(field);
	}

	/** The text of a string field; null when absent or null. */
	@Nullable String text(String field) {
		JsonNode value = fields.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw invalid(field + " must be a string.");
		}
		return value.asString();
	}

	boolean bool(String field, boolean otherwise) {
		JsonNode value = fields.get(field);
		if (value == null || value.isNull()) {
			return otherwise;
		}
		if (!value.isBoolean()) {
			throw invalid(field + " must be true or false.");
		}
		return value.asBoolean();
	}

	/**
	 * A date field, as Ghost's clients send it ({@code 2024-01-02T03:04:05.000Z}, any
	 * offset).
	 */
	@Nullable Instant instant(String field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid(field + " must be a date such as 2024-01-02T03:04:05.000Z.");
		}
	}

	/**
	 * The entries of an array field ({@code tags}, {@code authors}, {@code labels}): each
	 * a string, or an object with one of {@code keys} (the first present wins). Null when
	 * the field is absent.
	 */
	@Nullable List<Reference> references(String field, List<String> keys) {
		JsonNode value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw invalid(field + " must be a list.");
		}
		List<Reference> references = new ArrayList<>();
		for (Iterator<JsonNode> entries = value.iterator(); entries.hasNext();) {
			JsonNode entry = entries.next();
			if (entry.isString()) {
				references.add(new Reference(keys.get(0), entry.asString()));
				continue;
			}
			Reference found = null;
			for (String key : keys) {
				JsonNode keyValue = entry.isObject() ? entry.get(key) : null;
				if (found == null && keyValue != null && keyValue.isString() && !keyValue.asString().isBlank()) {
					found = new Reference(key, keyValue.asString().strip());
				}
			}
			if (found == null) {
				throw invalid("Each of " + field + " needs one of " + String.join(", ", keys) + ".");
			}
			references.add(found);
		}
		return references;
	}

	/**
	 * One entry of a list of tags, authors, labels or newsletters.
	 *
	 * @param key what identifies it: {@code id}, {@code slug}, {@code name},
	 * {@code email}
	 * @param value the identifying text
	 */
	record Reference(String key, String value) {
	}

}
