package org.backstory.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The source key of every imported article and member, and what it became. */
@Repository
class ImportedItems {

	/** What an imported item is. */
	enum Kind {

		ARTICLE, MEMBER

	}

	private final JdbcClient jdbc;

	ImportedItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids that these source keys were imported as, by key; keys never imported are
	 * absent.
	 */
	Map<String, Long> imported(ImportSource source, Kind kind, Collection<String> keys) {
		Map<String, Long> ids = new HashMap<>();
		if (!keys.isEmpty()) {
			jdbc.sql("""
					select source_key, target_id from imports.imported_item
					where source = :source and kind = :kind and source_key = any(:keys)""")
				.param("source", source.code())
				.param("kind", kind.name().toLowerCase(Locale.ROOT))
				.param("keys", keys.toArray(String[]::new))
				.query(rs -> {
					ids.put(rs.getString(1), rs.getLong(2));
				});
		}
		return ids;
	}

	void record(ImportSource source, Kind kind, String key, long targetId, Instant now) {
		jdbc.sql("""
				insert into imports.imported_item (source, kind, source_key, target_id, imported_at)
				values (?, ?, ?, ?, ?)""")
			.params(source.code(), kind.name().toLowerCase(Locale.ROOT), key, targetId, Timestamp.from(now))
			.update();
	}

}
