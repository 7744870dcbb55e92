package org.backstory.admin.members;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Checked import files waiting for their confirmation, by a random id, for an hour. */
@Repository
class PendingImports {

	static final Duration KEPT_FOR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	PendingImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(String id, long staffId, String csv, Instant now) {
		jdbc.sql("delete from admin.member_import where expires_at < :now").param("now", Timestamp.from(now)).update();
		jdbc.sql("""
				insert into admin.member_import (id, staff_id, csv, created_at, expires_at)
				values (:id, :staff, :csv, :now, :expires)""")
			.param("id", id)
			.param("staff", staffId)
			.param("csv", csv)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(KEPT_FOR)))
			.update();
	}

	/**
	 * Takes the file out (in the caller's transaction) if this staff member uploaded it
	 * and it has not expired.
	 */
	Optional<String> take(String id, long staffId, Instant now) {
		return jdbc.sql("""
				delete from admin.member_import where id = :id and staff_id = :staff and expires_at >= :now
				returning csv""")
			.param("id", id)
			.param("staff", staffId)
			.param("now", Timestamp.from(now))
			.query(String.class)
			.optional();
	}

}
