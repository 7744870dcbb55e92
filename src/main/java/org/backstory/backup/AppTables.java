package org.backstory.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalogue of what the app keeps in its database: every ordinary table and sequence
 * in the app's schemas ({@link #SCHEMAS}) not owned by an extension, with the columns a
 * dump carries (generated columns are computed again on load). Names come quoted, ready
 * for SQL.
 */
final class AppTables {

	/**
	 * Sign-ins in progress: a backup is a file that may travel, and a session id in it
	 * would let its holder in without a password or second factor. Members sign in again
	 * after a restore.
	 */
	static final Set<String> NOT_BACKED_UP = Set.of("public.spring_session", "public.spring_session_attributes");

	/**
	 * The schemas the app's migrations make, and {@code public} (sessions, jobs, the
	 * migration history). Nothing else in the database is the app's: a backup leaves out
	 * what other tools (or tests) keep beside it. AppTablesTests checks the list against
	 * the migrations.
	 */
	static final List<String> SCHEMAS = List.of("public", "access", "admin", "api", "billing", "email", "imports",
			"media", "members", "newsletters", "publishing", "site", "webhooks");

	/** Starts with a space: a text block drops the one its caller's line ends with. */
	private static final String APP_OWNED = " n.nspname in ("
			+ SCHEMAS.stream().map(schema -> "'" + schema + "'").collect(Collectors.joining(", ")) + ")" + """

					and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
					  and d.deptype = 'e')""";

	private AppTables() {
	}

	/**
	 * One table.
	 *
	 * @param name quoted, schema-qualified
	 * @param entryName a plain name for its zip entry
	 * @param columns quoted columns in their table order, generated ones left out
	 */
	record Table(String name, String entryName, List<String> columns) {
	}

	static List<Table> tables(Connection connection) throws SQLException {
		List<Table> tables = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("""
				select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name,
				  n.nspname || '.' || c.relname as plain,
				  array(select quote_ident(a.attname) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0
				    and not a.attisdropped and a.attgenerated = '' order by a.attnum) as columns
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind = 'r' and """ + APP_OWNED + " order by n.nspname, c.relname");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				String[] columns = (String[]) rows.getArray("columns").getArray();
				tables.add(new Table(rows.getString("name"), rows.getString("plain"), List.of(columns)));
			}
		}
		return tables;
	}

	/**
	 * Where every sequence stands. Read from each sequence itself: {@code pg_sequences}
	 * shows no value for one whose {@code is_called} is false, though it may have been
	 * set far past its start.
	 */
	static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("""
				select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind = 'S' and""" + APP_OWNED + " order by 1"); ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				names.add(rows.getString("name"));
			}
		}
		List<BackupManifest.Sequence> sequences = new ArrayList<>();
		for (String name : names) {
			try (PreparedStatement select = connection.prepareStatement("select last_value, is_called from " + name);
					ResultSet rows = select.executeQuery()) {
				rows.next();
				sequences.add(new BackupManifest.Sequence(name, rows.getLong(1), rows.getBoolean(2)));
			}
		}
		return sequences;
	}

}
