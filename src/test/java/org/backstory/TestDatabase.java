package org.backstory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * One real PostgreSQL per test JVM, shared by every Spring test context, so the tests run
 * against the same database engine as production. By default an embedded server, started
 * on first use, without any server to install. With {@code BACKSTORY_TEST_DATABASE_URL}
 * (and {@code _USERNAME}, {@code _PASSWORD}: a role that may create databases) the tests
 * run against that external server instead, in databases of this JVM's own (named
 * {@code <name>_t<run>}, so a name still starts with the name asked for) that it drops
 * when it ends.
 */
public final class TestDatabase {

	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

	private static final String EXTERNAL_URL = System.getenv("BACKSTORY_TEST_DATABASE_URL");

	private static EmbeddedPostgres server;

	private static Path dataDirectory;

	private static final String RUN = "_t" + Long.toString(System.currentTimeMillis(), 36);

	private static final List<String> created = new ArrayList<>();

	private TestDatabase() {
	}

	/**
	 * Whether the tests run on the embedded server (the default) rather than on
	 * {@code BACKSTORY_TEST_DATABASE_URL}'s.
	 */
	public static boolean embedded() {
		return EXTERNAL_URL == null || EXTERNAL_URL.isBlank();
	}

	/** The user the test databases' URLs connect as. */
	public static String username() {
		return embedded() ? "postgres" : environment("BACKSTORY_TEST_DATABASE_USERNAME");
	}

	/** The password of {@link #username()}: none on the embedded server. */
	public static String password() {
		return embedded() ? "" : environment("BACKSTORY_TEST_DATABASE_PASSWORD");
	}

	/** The JDBC URL of the shared test database, starting it if needed. */
	public static String url() {
		return url("postgres");
	}

	/**
	 * The JDBC URL of database {@code name} in the shared server, creating it if needed.
	 * It names the user ({@code ?user=}), so a caller may add parameters with {@code &};
	 * the password is {@link #password()}.
	 */
	public static synchronized String url(String name) {
		if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
			throw new IllegalArgumentException("not a plain database name: " + name);
		}
		String database = embedded() ? name : name + RUN;
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
			if (!exists.next()) {
				statement.execute("create database " + database);
				dropAtExit(database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create test database " + database, ex);
		}
		return embedded() ? server.getJdbcUrl("postgres", database) : externalUrl(database);
	}

	private static Connection connect() throws SQLException {
		if (embedded()) {
			start();
			return server.getPostgresDatabase().getConnection();
		}
		return DriverManager.getConnection(EXTERNAL_URL, username(), password());
	}

	private static String externalUrl(String database) {
		Matcher url = SERVER_URL.matcher(EXTERNAL_URL);
		if (!url.matches()) {
			throw new IllegalStateException(
					"BACKSTORY_TEST_DATABASE_URL is not jdbc:postgresql://host:port/database: " + EXTERNAL_URL);
		}
		String user = "user=" + URLEncoder.encode(username(), StandardCharsets.UTF_8);
		String parameters = url.group(3) == null ? "?" + user : url.group(3) + "&" + user;
		return url.group(1) + database + parameters;
	}

	private static String environment(String name) {
		String value = System.getenv(name);
		if (value == null) {
			throw new IllegalStateException(name + " must be set with BACKSTORY_TEST_DATABASE_URL");
		}
		return value;
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

	private static void dropAtExit(String database) {
		if (embedded()) {
			return;
		}
		if (created.isEmpty()) {
			SpringApplication.getShutdownHandlers().add(TestDatabase::dropCreated);
		}
		created.add(database);
	}

	/**
	 * Drops this JVM's databases on the external server, after every cached context has
	 * closed (as {@link #stop()}), forcing off connections other processes left behind.
	 */
	private static synchronized void dropCreated() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String database : created) {
				statement.execute(String.format(Locale.ROOT, "drop database if exists %s with (force)", database));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not drop the test databases " + created, ex);
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
