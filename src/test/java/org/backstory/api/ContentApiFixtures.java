package org.backstory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.backstory.Visitor;
import org.backstory.members.MemberRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content API keys for tests: made through {@link Integrations}, removed afterwards; and
 * reads through such a key over HTTP.
 */
public final class ContentApiFixtures {

	/** Where the Content API answers. */
	public static final String API = "/ghost/api/content/";

	private ContentApiFixtures() {
	}

	/**
	 * The JSON the Content API answers at {@code path} (below {@link #API}) with
	 * {@code key}; fails the test unless it answers 200.
	 */
	static JsonNode read(int port, String key, JsonMapper json, String path) {
		Visitor.Page page = new Visitor(port).get(API + path + (path.contains("?") ? "&" : "?") + "key=" + key);
		assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
		return json.readTree(page.body());
	}

	/**
	 * {@code value} for a query parameter, a space as {@code %20} as Ghost's clients send
	 * it.
	 */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A new integration's Content API key, for an actor id that need not exist (the audit
	 * log keeps ids only).
	 */
	public static String contentKey(Integrations integrations, String name) {
		return integrations.create(0, name, MemberRole.CONTRIBUTOR).contentKey();
	}

	/** Removes the integrations with this name. */
	public static void remove(JdbcClient jdbc, String name) {
		jdbc.sql("delete from api.integration where name = :name").param("name", name).update();
	}

}
