package org.backstory.billing.stripe;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Stripe event: what we route and order by, and the object it carries
 * ({@code data.object}) as Stripe's JSON, read field by field rather than bound to
 * stripe-java's classes, which expect the event's API version to match the library's.
 *
 * @param created the event's creation time at Stripe: a later event states a later fact
 */
record StripeEvent(String id, String type, Instant created, JsonNode object) {

	/** The event in {@code payload}, or empty if it is not one. */
	static Optional<StripeEvent> parse(JsonMapper json, String payload) {
		JsonNode root;
		try {
			root = json.readTree(payload);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		String id = root.path("id").stringValue(null);
		String type = root.path("type").stringValue(null);
		JsonNode created = root.path("created");
		JsonNode object = root.path("data").path("object");
		if (id == null || id.isBlank() || id.length() > 255 || type == null || type.isBlank()
				|| !created.isIntegralNumber() || !created.canConvertToLong() || !object.isObject()) {
			return Optional.empty();
		}
		long seconds = created.longValue();
		if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
			return Optional.empty();
		}
		return Optional.of(new StripeEvent(id, type, Instant.ofEpochSecond(seconds), object));
	}

	/**
	 * A text field of the object, e.g. {@code id}, or a nested one, e.g.
	 * {@code metadata/backstory_member_id}.
	 */
	@Nullable String text(String path) {
		return at(path).stringValue(null);
	}

	JsonNode at(String path) {
		JsonNode node = object;
		for (String name : path.split("/")) {
			node = node.path(name);
		}
		return node;
	}

}
