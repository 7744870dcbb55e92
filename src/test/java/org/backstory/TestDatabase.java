package org.backstory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM, started on first use and shared by every Spring test
 * context, so the tests run against the same database engine as production without any
 * server to install.
 */
public final class TestDatabase {

	private static EmbeddedPostgres server;

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
				// Every cached Spring test context keeps its own connection pool open on
				// this one server.
				server = EmbeddedPostgres.builder()
					.setServerConfig("listen_addresses", "127.0.0.1")
					.setServerConfig("max_connections", "600")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
		}
	}

	private static synchronized void stop() {
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
