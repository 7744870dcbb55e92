package org.backstory.backup;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a dump into an empty database. Flyway first builds the schema of the backup's
 * version; then, in one transaction, the foreign keys are dropped and the app's own
 * triggers switched off (a non-superuser cannot defer PostgreSQL's internal ones, and
 * triggers would rewrite rows that are already final), every table is emptied of what the
 * migrations seeded and loaded from the dump, sequences are set where they stood, the
 * migration history is the backup's own, and the foreign keys come back (checked against
 * the loaded rows). Migrations newer than the backup run at the next normal start.
 */
final class DatabaseLoad {

	private static final String SCHEDULED_TASKS = "public.scheduled_tasks";

	private final DataSource dataSource;

	private final BackupManifest manifest;

	private final MigrationVersion target;

	DatabaseLoad(DataSource dataSource, BackupManifest manifest, MigrationVersion target) {
		this.dataSource = dataSource;
		this.manifest = manifest;
		this.target = target;
	}

	void load(ZipFile zip) throws Exception {
		requireEmptyDatabase();
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.target(target.getVersion())
			.load()
			.migrate();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				load(connection, zip);
				connection.commit();
			}
			catch (Exception ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private void requireEmptyDatabase() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!AppTables.tables(connection).isEmpty()) {
				throw new BackupRefusedException("The database already has tables; a restore goes into an empty "
						+ "database. Create a new one (or point BACKSTORY_DATABASE_URL at one).");
			}
		}
	}

	private void load(Connection connection, ZipFile zip) throws Exception {
		Map<String, AppTables.Table> tables = AppTables.tables(connection)
			.stream()
			.collect(Collectors.toMap(AppTables.Table::name, Function.identity()));
		for (BackupManifest.Table table : manifest.tables()) {
			AppTables.Table here = tables.get(table.name());
			if (here == null || !here.columns().equals(table.columns())) {
				throw new BackupRefusedException("The backup's table " + table.name()
						+ " does not match schema version " + target.getVersion() + " of this Backstory.");
			}
		}
		List<ForeignKey> foreignKeys = foreignKeys(connection);
		List<String> triggered = tablesWithOwnTriggers(connection);
		try (Statement statement = connection.createStatement()) {
			for (ForeignKey key : foreignKeys) {
				statement.execute("alter table " + key.table() + " drop constraint " + key.name());
			}
			for (String table : triggered) {
				statement.execute("alter table " + table + " disable trigger user");
			}
			statement.execute("truncate " + String.join(", ", tables.keySet()) + " restart identity");
		}
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (BackupManifest.Table table : manifest.tables()) {
			try (InputStream rows = zip.getInputStream(zip.getEntry(table.entry()))) {
				copy.copyIn("copy " + table.name() + " (" + String.join(", ", table.columns()) + ") from stdin", rows);
			}
		}
		setSequences(connection);
		try (Statement statement = connection.createStatement()) {
			for (ForeignKey key : foreignKeys) {
				statement
					.execute("alter table " + key.table() + " add constraint " + key.name() + " " + key.definition());
			}
			for (String table : triggered) {
				statement.execute("alter table " + table + " enable trigger user");
			}
			if (tables.containsKey(SCHEDULED_TASKS)) {
				// The node that had picked a task is not coming back: due tasks run again
				// on whichever node starts first.
				statement.execute("update " + SCHEDULED_TASKS
						+ " set picked = false, picked_by = null, last_heartbeat = null where picked");
			}
		}
	}

	/** Sets each sequence named in the backup, and only those this database has. */
	private void setSequences(Connection connection) throws SQLException {
		Set<String> here = AppTables.sequences(connection)
			.stream()
			.map(BackupManifest.Sequence::name)
			.collect(Collectors.toSet());
		try (Statement statement = connection.createStatement()) {
			for (BackupManifest.Sequence sequence : manifest.sequences()) {
				if (!here.contains(sequence.name())) {
					throw new BackupRefusedException("The backup's sequence " + sequence.name()
							+ " does not exist in schema version " + target.getVersion() + ".");
				}
				statement.execute("select setval('" + sequence.name().replace("'", "''") + "', " + sequence.lastValue()
						+ ", " + sequence.called() + ")");
			}
		}
	}

	/** A foreign key: its table and name, quoted, and its definition. */
	private record ForeignKey(String table, String name, String definition) {
	}

	private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
		List<ForeignKey> keys = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("""
				select quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(k.conname),
				  pg_get_constraintdef(k.oid)
				from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
				where k.contype = 'f' and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
				order by 1, 2"""); ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
			}
		}
		return keys;
	}

	private static List<String> tablesWithOwnTriggers(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("""
				select distinct quote_ident(n.nspname) || '.' || quote_ident(c.relname)
				from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
				where not t.tgisinternal and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
				order by 1"""); ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
