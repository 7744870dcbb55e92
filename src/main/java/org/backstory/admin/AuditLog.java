package org.backstory.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.backstory.shared.StaffActed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log of staff actions. Each {@link StaffActed} is stored by a synchronous
 * listener, in the transaction of the action that published it: the entry commits with
 * the action or not at all. Read newest first, in pages that start after a given entry
 * (keyset paging), optionally for one action or one actor.
 */
@Component
public class AuditLog {

	private static final String COLUMNS = "id, actor_id, action, subject, detail, occurred_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void record(StaffActed acted) {
		jdbc.sql("""
				insert into admin.audit_entry (actor_id, action, subject, detail, occurred_at)
				values (:actor, :action, :subject, :detail, :at)""")
			.param("actor", acted.actorId())
			.param("action", acted.action())
			.param("subject", acted.subject())
			.param("detail", acted.detail())
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * Up to {@code limit} entries, newest first.
	 * @param action only this action, or null for all
	 * @param actorId only this actor's, or null for everyone's
	 * @param before only entries older than this entry, or null to start from the newest
	 */
	public List<AuditEntry> newestFirst(@Nullable String action, @Nullable Long actorId, @Nullable Long before,
			int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from admin.audit_entry where true");
		if (action != null) {
			sql.append(" and action = :action");
		}
		if (actorId != null) {
			sql.append(" and actor_id = :actor");
		}
		if (before != null) {
			sql.append(" and (occurred_at, id) < (select occurred_at, id from admin.audit_entry where id = :before)");
		}
		sql.append(" order by occurred_at desc, id desc limit :limit");
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit);
		if (action != null) {
			statement = statement.param("action", action);
		}
		if (actorId != null) {
			statement = statement.param("actor", actorId);
		}
		if (before != null) {
			statement = statement.param("before", before);
		}
		return statement.query(AuditLog::entry).list();
	}

	/** Every action name in the log, for the filter. */
	public List<String> actions() {
		return jdbc.sql("select distinct action from admin.audit_entry order by action").query(String.class).list();
	}

	/** Everyone who has an entry in the log, for the filter. */
	public List<Long> actors() {
		return jdbc.sql("select distinct actor_id from admin.audit_entry").query(Long.class).list();
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getLong("actor_id"), rs.getString("action"), rs.getString("subject"),
				rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant());
	}

}
