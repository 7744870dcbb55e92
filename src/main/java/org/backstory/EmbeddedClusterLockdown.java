package org.backstory;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks the embedded PostgreSQL cluster down before its server starts, on a new cluster
 * and on one an earlier version left open to anyone on the machine (initdb's
 * {@code trust}): the app's own role {@link #APP_ROLE}, which is no superuser, owns the
 * database and every schema and table in it, and is the only role that may connect, over
 * loopback TCP with its password ({@code scram-sha-256}). The superuser cannot connect at
 * all; this class reaches it through PostgreSQL's single-user mode, which needs no server
 * and no password but only the files, so whoever can change the cluster can do so anyway.
 */
final class EmbeddedClusterLockdown {

	static final String APP_ROLE = "backstory";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedClusterLockdown.class);

	/** The first line of a pg_hba.conf this class wrote; any other file is replaced. */
	private static final String HBA_MARKER = "# Backstory: only the app role, over loopback TCP, with its password.";

	private static final String HBA = HBA_MARKER + "\n" + "host    all    " + APP_ROLE
			+ "    127.0.0.1/32    scram-sha-256\n" + "host    all    " + APP_ROLE
			+ "    ::1/128         scram-sha-256\n";

	private final Path binaries;

	private final String password;

	/**
	 * @param binaries the directory the PostgreSQL binaries are unpacked under (one
	 * {@code PG-<digest>} folder per version)
	 * @param password the app role's password
	 */
	EmbeddedClusterLockdown(Path binaries, String password) {
		this.binaries = binaries;
		this.password = password;
	}

	/** Called on the cluster directory after initdb and before the server starts. */
	void apply(File cluster) {
		Path hba = cluster.toPath().resolve("pg_hba.conf");
		try {
			if (Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER)) {
				return;
			}
			log.info("Locking the embedded PostgreSQL down: role={} authentication=scram-sha-256", APP_ROLE);
			runSingleUser(cluster.toPath(), statements());
			Files.writeString(hba, HBA, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Each on one line: single-user mode ends a statement at a newline. Idempotent, so an
	 * attempt cut short (the pg_hba.conf is written last) is simply repeated on the next
	 * start. Tables are handed over before sequences, as an identity column's sequence
	 * follows its table and refuses to be handed over alone.
	 */
	private List<String> statements() {
		if (!password.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalStateException("the embedded database password has unexpected characters");
		}
		return List.of(
				"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN CREATE ROLE "
						+ APP_ROLE + "; END IF; END $$;",
				"ALTER ROLE " + APP_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
						+ "PASSWORD '" + password + "';",
				"ALTER DATABASE postgres OWNER TO " + APP_ROLE + ";",
				handOver("n.nspname", "SCHEMA", "pg_namespace n", "n.nspowner", ""),
				handOver("c.oid::regclass", "TABLE", "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace",
						"c.relowner", "AND c.relkind IN ('r', 'p', 'f')"),
				handOver("c.oid::regclass", "VIEW", "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace",
						"c.relowner", "AND c.relkind = 'v'"),
				handOver("c.oid::regclass", "MATERIALIZED VIEW",
						"pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace", "c.relowner",
						"AND c.relkind = 'm'"),
				handOver("c.oid::regclass", "SEQUENCE", "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace",
						"c.relowner", "AND c.relkind = 'S'"),
				handOver("t.oid::regtype", "TYPE", "pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace",
						"t.typowner", "AND t.typtype IN ('e', 'c', 'd', 'r') AND t.typrelid = 0"),
				handOver("p.oid::regprocedure", "ROUTINE", "pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace",
						"p.proowner",
						"AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"));
	}

	/**
	 * A statement that gives the app role every object of one kind that the bootstrap
	 * superuser (always oid 10) owns outside the system schemas.
	 */
	private static String handOver(String name, String kind, String from, String owner, String condition) {
		return "DO $$ DECLARE o record; BEGIN FOR o IN SELECT " + name + " AS name FROM " + from
				+ " WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND " + owner + " = 10 "
				+ condition + " LOOP EXECUTE format('ALTER " + kind + " %s OWNER TO " + APP_ROLE
				+ "', o.name); END LOOP; END $$;";
	}

	private void runSingleUser(Path cluster, List<String> sql) throws IOException {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// As the embedded server itself is started: PostgreSQL refuses to run as
			// root.
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(postgresBinary(cluster).toString(), "--single", "-F", "-D", cluster.toString(), "-c",
				"log_min_error_statement=panic", "-c", "password_encryption=scram-sha-256", "postgres"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (OutputStream in = process.getOutputStream()) {
			in.write((String.join("\n", sql) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		String output = readAll(process.getInputStream());
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("PostgreSQL single-user mode did not finish in two minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while locking the embedded database down", ex);
		}
		// Single-user mode reports a failed statement and goes on; its exit status does
		// not tell.
		if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
			throw new IllegalStateException("Could not lock the embedded database down:\n" + output);
		}
	}

	/**
	 * The server binary of the cluster's major version, as more than one version may be
	 * unpacked.
	 */
	private Path postgresBinary(Path cluster) throws IOException {
		String major = Files.readString(cluster.resolve("PG_VERSION")).strip();
		try (Stream<Path> versions = Files.list(binaries)) {
			for (Path binary : versions.map(version -> version.resolve("bin/postgres"))
				.filter(Files::isExecutable)
				.toList()) {
				Process version = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
				if (readAll(version.getInputStream()).matches("(?s)postgres \\(PostgreSQL\\) " + major + "\\..*")) {
					return binary;
				}
			}
		}
		throw new IllegalStateException("no PostgreSQL " + major + " binaries under " + binaries);
	}

	private static String readAll(InputStream stream) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		stream.transferTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
