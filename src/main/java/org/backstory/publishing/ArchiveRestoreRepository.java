package org.backstory.publishing;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind {@link ArchiveRestore}: whether the publication is empty, identity
 * sequences, and the times and old slugs an archive carries.
 */
@Component
class ArchiveRestoreRepository {

	private final JdbcClient jdbc;

	ArchiveRestoreRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean empty() {
		return jdbc.sql("""
				select not exists (select 1 from publishing.article) and not exists (select 1 from publishing.author)
				  and not exists (select 1 from publishing.tag) and not exists (select 1 from publishing.storyline)
				  and not exists (select 1 from publishing.entity)
				""").query(Boolean.class).single();
	}

	void restoreStamps(ArchiveRestore.RestoredStamps stamps) {
		jdbc.sql("""
				update publishing.article set created_at = :created, updated_at = :updated, author_may_publish = :may
				where id = :id""")
			.param("created", Timestamp.from(stamps.createdAt()))
			.param("updated", Timestamp.from(stamps.updatedAt()))
			.param("may", stamps.authorMayPublish())
			.param("id", stamps.id())
			.update();
	}

	/** Moves the table's identity sequence past its largest id. */
	void moveSequencePastLargest(String table) {
		jdbc.sql("select setval(pg_get_serial_sequence(:table, 'id'), coalesce((select max(id) from publishing." + table
				+ "), 0) + 1, false)")
			.param("table", "publishing." + table)
			.query(Long.class)
			.single();
	}

	/** Makes the table's identity sequence hand out {@code id} next. */
	void nextId(String table, long id) {
		jdbc.sql("select setval(pg_get_serial_sequence(:table, 'id'), :id, false)")
			.param("table", "publishing." + table)
			.param("id", id)
			.query(Long.class)
			.single();
	}

	void stamp(String table, long id, Instant createdAt) {
		jdbc.sql("update publishing." + table + " set created_at = ? where id = ?")
			.params(Timestamp.from(createdAt), id)
			.update();
	}

	/** Adds an old slug of the table's row unless the slug is already an old one. */
	void addAliasIfFree(String table, String slug, long id, Instant at) {
		jdbc.sql("insert into publishing." + table + "_alias (slug, " + table
				+ "_id, created_at) values (?, ?, ?) on conflict (slug) do nothing")
			.params(slug, id, Timestamp.from(at))
			.update();
	}

}
