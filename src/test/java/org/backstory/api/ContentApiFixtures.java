package org.backstory.api;

import org.backstory.members.MemberRole;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Content API keys for tests: made through {@link Integrations}, removed afterwards. */
public final class ContentApiFixtures {

	private ContentApiFixtures() {
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
