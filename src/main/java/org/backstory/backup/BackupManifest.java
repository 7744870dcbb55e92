package org.backstory.backup;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, the last entry of a backup: what made it, the schema version the
 * dump belongs to, how to load each table, where each sequence stood, and the SHA-256 of
 * every other entry.
 *
 * @param format {@link #FORMAT}; a reader refuses any other
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param appVersion the Backstory version that wrote it, or {@code unknown}
 * @param postgresVersion the server's {@code server_version}
 * @param schemaVersion the highest Flyway version applied to the dumped database
 * @param tables each dumped table, in dump order
 * @param sequences where every sequence stood
 * @param sha256 entry name to its SHA-256 in lower-case hex
 */
record BackupManifest(String format, String createdAt, String appVersion, String postgresVersion, String schemaVersion,
		List<Table> tables, List<Sequence> sequences, Map<String, String> sha256) {

	static final String FORMAT = "backstory-backup/1";

	static final String ENTRY = "manifest.json";

	/**
	 * One table's data.
	 *
	 * @param name schema-qualified, quoted as SQL needs it
	 * @param entry the zip entry holding its rows in COPY text format
	 * @param columns the columns dumped, quoted, in the order of the rows' fields
	 * @param rows how many rows
	 */
	record Table(String name, String entry, List<String> columns, long rows) {
	}

	/**
	 * One sequence, as {@code setval} takes it back.
	 *
	 * @param name schema-qualified, quoted
	 * @param lastValue its {@code last_value}
	 * @param called its {@code is_called}: whether {@code lastValue} was handed out (a
	 * sequence set past imported ids with {@code setval(..., false)} has not)
	 */
	record Sequence(String name, long lastValue, boolean called) {
	}

}
