package org.backstory.email;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code /actuator/health} answers. */
final class Health {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Health() {
	}

	/** The value at a JSON pointer such as {@code /components/mail/status}, as text. */
	static String at(String body, String pointer) {
		JsonNode node = JSON.readTree(body).at(pointer);
		return node.isMissingNode() ? "<missing>" : node.asString();
	}

}
