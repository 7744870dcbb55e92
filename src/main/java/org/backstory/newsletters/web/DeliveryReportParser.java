package org.backstory.newsletters.web;

import java.util.ArrayList;
import java.util.List;

import org.backstory.newsletters.DeliveryReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the webhook's body: one report {@code {"address": …, "type": …, "detail": …,
 * "message_id": …}} (detail and message id optional) or an array of them. Every report is
 * checked before any is returned, so a batch with one bad report is refused as a whole.
 */
final class DeliveryReportParser {

	/**
	 * More than a provider batches in one delivery; a larger body is not a batch of
	 * reports.
	 */
	static final int MAX_REPORTS = 1000;

	private DeliveryReportParser() {
	}

	/**
	 * The body is not a report or a batch of them; the message says why, for the 400
	 * answer.
	 */
	static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	static List<DeliveryReport> parse(JsonMapper json, byte[] body) throws Refused {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new Refused("malformed JSON");
		}
		if (root.isObject()) {
			return List.of(report(root, ""));
		}
		if (!root.isArray()) {
			throw new Refused("expected a JSON object or an array of objects");
		}
		if (root.size() > MAX_REPORTS) {
			throw new Refused("at most " + MAX_REPORTS + " reports per request");
		}
		List<DeliveryReport> reports = new ArrayList<>(root.size());
		for (int i = 0; i < root.size(); i++) {
			reports.add(report(root.get(i), "[" + i + "] "));
		}
		return reports;
	}

	private static DeliveryReport report(JsonNode node, String where) throws Refused {
		if (!node.isObject()) {
			throw new Refused(where + "expected a JSON object");
		}
		String address = text(node, "address", where);
		String type = text(node, "type", where);
		if (address == null || address.isBlank()) {
			throw new Refused(where + "missing address");
		}
		if (type == null || type.isBlank()) {
			throw new Refused(where + "missing type");
		}
		DeliveryReport.Type known = DeliveryReport.Type.ofCode(type)
			.orElseThrow(() -> new Refused(where + "unknown type (expected bounce, complaint or soft-bounce)"));
		String detail = text(node, "detail", where);
		String messageId = text(node, "message_id", where);
		try {
			return new DeliveryReport(address.strip(), known, detail == null ? "" : detail.strip(),
					messageId == null || messageId.isBlank() ? null : messageId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new Refused(where + ex.getMessage());
		}
	}

	/** A text field, or null when absent or JSON null. */
	private static @Nullable String text(JsonNode node, String field, String where) throws Refused {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new Refused(where + field + " must be a string");
		}
		return value.stringValue();
	}

}
