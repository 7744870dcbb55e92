package org.backstory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * One real PostgreSQL per test JVM, started on first use and shared by every Spring test
 * context, so the tests run against the same database engine as production without any
 * server to install.
 */
public final class TestDatabase {

	private static EmbeddedPostgres server;

	private static Path dataDirectory;

	private TestDatabase() {
	}

	/** The JDBC URL of the shared test database, starting it if needed. */
	public static String url() {
		return url("postgres");
	}

	/**
	 * The JDBC URL of database {@code name} in the shared server, creating it if needed.
	 */
	public static synchronized String url(String name) {
		start();
		if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
			throw new IllegalArgumentException("not a plain database name: " + name);
		}
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
			if (!exists.next()) {
				statement.execute("create database " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create test database " + name, ex);
		}
		return server.getJdbcUrl("postgres", name);
	}

	private static void start() {
		if (server == null) {
			try {
				dataDirectory = Files.createTempDirectory("backstory-test-postgres");
				// Every cached Spring test context keeps its own connection pool open on
				// this one server. A throw-away cluster needs no crash safety, so it
				// never waits for the disk.
				server = EmbeddedPostgres.builder()
					.setDataDirectory(dataDirectory)
					.setCleanDataDirectory(false)
					.setServerConfig("listen_addresses", "127.0.0.1")
					.setServerConfig("max_connections", "600")
					.setServerConfig("fsync", "off")
					.setServerConfig("full_page_writes", "off")
					.setRegisterShutdownHook(false)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// Stopped only after Spring Boot's shutdown hook has closed every cached
			// context. By the library's own JVM shutdown hook, it went down while they
			// closed: their schedulers and connection pools then waited on a dead server,
			// and the test JVM outlived Surefire's 30 s exit timeout.
			SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
		}
	}

	private static synchronized void stop() {
		try {
			server.close();
			removeInBackground(dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes the stopped cluster's files (tens of thousands, one database per test class
	 * that asks for its own) in a process of its own: deleting them took over 20 s, which
	 * the test JVM's exit has no reason to wait for.
	 */
	private static void removeInBackground(Path directory) throws IOException {
		try {
			new ProcessBuilder("rm", "-rf", directory.toString()).redirectOutput(Redirect.DISCARD)
				.redirectError(Redirect.DISCARD)
				.start();
		}
		catch (IOException noRm) {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

}
