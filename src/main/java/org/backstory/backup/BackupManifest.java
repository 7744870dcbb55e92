package org.backstory.backup;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
 * @param sequences every sequence's last value ({@code null} when never used)
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
	 * One sequence.
	 *
	 * @param name schema-qualified, quoted
	 * @param lastValue its last value, {@code null} when it never handed one out
	 */
	record Sequence(String name, @Nullable Long lastValue) {
	}

}
