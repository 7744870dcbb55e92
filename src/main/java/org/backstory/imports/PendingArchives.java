package org.backstory.imports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Checked archives waiting for their confirmation, by a random id, for an hour. */
@Repository
class PendingArchives {

	static final Duration KEPT_FOR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	PendingArchives(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An archive as uploaded. */
	record Pending(String fileName, byte[] content) {
	}

	void save(String id, long staffId, Pending archive, Instant now) {
		jdbc.sql("delete from imports.pending_archive where expires_at < :now")
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("""
				insert into imports.pending_archive (id, staff_id, file_name, content, created_at, expires_at)
				values (:id, :staff, :name, :content, :now, :expires)""")
			.param("id", id)
			.param("staff", staffId)
			.param("name", archive.fileName())
			.param("content", archive.content())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(KEPT_FOR)))
			.update();
	}

	/**
	 * Takes the archive out (in the caller's transaction) if this staff member uploaded
	 * it and it has not expired.
	 */
	Optional<Pending> take(String id, long staffId, Instant now) {
		return jdbc.sql("""
				delete from imports.pending_archive where id = :id and staff_id = :staff and expires_at >= :now
				returning file_name, content""")
			.param("id", id)
			.param("staff", staffId)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new Pending(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

}
