package org.backstory.members;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * How a session attribute is added, so that requests of one session may run at once.
 * Spring Session inserts an attribute the request did not find when it read the session;
 * two requests that both add one (a flash message from a double submit, a CSRF token from
 * two tabs) then insert the same key, and the second failed on the primary key. Here the
 * second overwrites the first, as Spring Session's
 * {@code PostgreSqlJdbcIndexedSessionRepositoryCustomizer} does, and an attribute of a
 * session that another request has just deleted (signed out in another tab) is dropped
 * instead of failing on the foreign key: the session row is share-locked, so a delete
 * running at the same moment either waits for this insert (and then removes it with the
 * session) or has removed the row this insert then does not find.
 */
final class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

	private static final String INSERT_ATTRIBUTE = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			SELECT S.PRIMARY_ID, A.ATTRIBUTE_NAME, A.ATTRIBUTE_BYTES
			FROM (VALUES (?, ?, ?)) AS A (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.SESSION_PRIMARY_ID
			FOR KEY SHARE OF S
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
			""";

	@Override
	public void customize(JdbcIndexedSessionRepository store) {
		store.setCreateSessionAttributeQuery(INSERT_ATTRIBUTE);
	}

}
