package org.backstory;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL per test JVM, started on first use and shared by every Spring test context, so the
 * tests run against the same database engine as production without any server to install.
 */
public final class TestDatabase {

	private static EmbeddedPostgres server;

	private TestDatabase() {
	}

	/** The JDBC URL of the shared test database, starting it if needed. */
	public static synchronized String url() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
		}
		return server.getJdbcUrl("postgres", "postgres");
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
