package org.backstory.backup;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup: every app table through {@code COPY ... TO STDOUT} in one
 * {@code REPEATABLE READ READ ONLY} transaction, so the dump is one consistent snapshot
 * while the site goes on serving and writing, then the data directory's files, then the
 * manifest. No {@code pg_dump} is needed: the embedded PostgreSQL ships none, and a
 * client of another major version than the server refuses to dump it.
 */
public final class BackupWriter {

	private final DataSource dataSource;

	private final Path dataDir;

	private final Clock clock;

	public BackupWriter(DataSource dataSource, Path dataDir, Clock clock) {
		this.dataSource = dataSource;
		this.dataDir = dataDir;
		this.clock = clock;
	}

	/**
	 * What was written.
	 *
	 * @param tables tables dumped
	 * @param rows rows dumped, over all tables
	 * @param files data-directory files carried
	 * @param schemaVersion the dump's schema version
	 */
	public record Summary(int tables, long rows, int files, String schemaVersion) {
	}

	/**
	 * Streams the whole backup to {@code out}, leaving out the paths in {@code skip} (the
	 * file being written, when it lies in the data directory).
	 */
	public Summary write(OutputStream out, Set<Path> skip) throws Exception {
		try (ChecksummedZip zip = new ChecksummedZip(out)) {
			String createdAt = clock.instant().toString();
			List<BackupManifest.Table> tables = new ArrayList<>();
			List<BackupManifest.Sequence> sequences;
			String schemaVersion;
			String postgresVersion;
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				connection.setReadOnly(true);
				try {
					CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
					schemaVersion = schemaVersion(connection);
					postgresVersion = single(connection, "show server_version");
					for (AppTables.Table table : AppTables.tables(connection)) {
						if (AppTables.NOT_BACKED_UP.contains(table.name())) {
							continue;
						}
						String entry = "database/" + table.entryName() + ".copy";
						String sql = "copy " + table.name() + " (" + String.join(", ", table.columns()) + ") to stdout";
						long rows = zip.entry(entry, stream -> copy.copyOut(sql, stream));
						tables.add(new BackupManifest.Table(table.name(), entry, table.columns(), rows));
					}
					sequences = AppTables.sequences(connection);
				}
				finally {
					connection.rollback();
				}
			}
			List<Path> files = DataDirectoryFiles.list(dataDir, skip);
			for (Path relative : files) {
				zip.entry(DataDirectoryFiles.entryName(relative),
						stream -> Files.copy(dataDir.resolve(relative), stream));
			}
			BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, createdAt, appVersion(),
					postgresVersion, schemaVersion, tables, sequences, zip.sums());
			zip.finish(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			return new Summary(tables.size(), tables.stream().mapToLong(BackupManifest.Table::rows).sum(), files.size(),
					schemaVersion);
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		MigrationVersion highest = MigrationVersion.EMPTY;
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select version from flyway_schema_history where success and version is not null")) {
			while (rows.next()) {
				MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
				highest = version.compareTo(highest) > 0 ? version : highest;
			}
		}
		if (highest == MigrationVersion.EMPTY) {
			throw new BackupRefusedException("The database has no Backstory schema yet: there is nothing to back up.");
		}
		return highest.getVersion();
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static String appVersion() {
		String version = BackupWriter.class.getPackage().getImplementationVersion();
		return version == null ? "unknown" : version;
	}

}
