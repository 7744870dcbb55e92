package org.backstory.admin;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side reader of the admin module's audit log, {@code admin.audit_entry}. Other
 * modules' tests read audit entries through it instead of running SQL on admin's table;
 * it is the only test code outside this package that knows the table's name.
 */
public final class AdminProbe {

	private static final String ENTRY = "select action, actor_id, subject, detail from admin.audit_entry";

	private AdminProbe() {
	}

	/** The entries recorded for {@code actorId}, oldest first. */
	public static List<AuditEntry> entriesBy(JdbcClient jdbc, long actorId) {
		return jdbc.sql(ENTRY + " where actor_id = :actor order by id")
			.param("actor", actorId)
			.query(AuditEntry.class)
			.list();
	}

	/** The entries {@code actorId} recorded with {@code action}, oldest first. */
	public static List<AuditEntry> entriesBy(JdbcClient jdbc, long actorId, String action) {
		return entriesBy(jdbc, actorId).stream().filter(entry -> entry.action().equals(action)).toList();
	}

	/**
	 * The newest entry {@code actorId} recorded with {@code action}; fails the test when
	 * none.
	 */
	public static AuditEntry lastBy(JdbcClient jdbc, long actorId, String action) {
		List<AuditEntry> entries = entriesBy(jdbc, actorId, action);
		if (entries.isEmpty()) {
			throw new AssertionError("No audit entry " + action + " by " + actorId);
		}
		return entries.get(entries.size() - 1);
	}

	/** How many entries {@code actorId} recorded with {@code action}. */
	public static long countBy(JdbcClient jdbc, long actorId, String action) {
		return entriesBy(jdbc, actorId, action).size();
	}

	/** The entries whose subject is {@code subject}, oldest first. */
	public static List<AuditEntry> entriesAbout(JdbcClient jdbc, String subject) {
		return jdbc.sql(ENTRY + " where subject = :subject order by id")
			.param("subject", subject)
			.query(AuditEntry.class)
			.list();
	}

	/** The entries whose subject starts with {@code prefix}, oldest first. */
	public static List<AuditEntry> entriesAboutStartingWith(JdbcClient jdbc, String prefix) {
		return jdbc.sql(ENTRY + " where starts_with(subject, :prefix) order by id")
			.param("prefix", prefix)
			.query(AuditEntry.class)
			.list();
	}

	/** Every entry, oldest first: for tests on a database of their own. */
	public static List<AuditEntry> allEntries(JdbcClient jdbc) {
		return jdbc.sql(ENTRY + " order by id").query(AuditEntry.class).list();
	}

	/** Removes what {@code actorId} recorded, for tests that put back what they wrote. */
	public static void forgetActor(JdbcClient jdbc, long actorId) {
		jdbc.sql("delete from admin.audit_entry where actor_id = :actor").param("actor", actorId).update();
	}

	/**
	 * One audit entry as stored.
	 *
	 * @param action what was done, e.g. {@code staff.role-changed}
	 * @param actorId who did it
	 * @param subject what it was done to
	 * @param detail more about it, if anything
	 */
	public record AuditEntry(String action, long actorId, String subject, String detail) {

		/** {@code subject | detail}, the way the tests quote an entry. */
		public String summary() {
			return subject + " | " + detail;
		}

	}

}
