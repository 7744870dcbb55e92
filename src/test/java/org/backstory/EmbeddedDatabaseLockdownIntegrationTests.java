package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded PostgreSQL admits nobody but the app: no password-less connection, no
 * superuser, no socket in a shared folder, a password only its owner can read; and a
 * cluster an earlier version left open is locked down on the next start.
 */
@EmbeddedDatabaseOnly
class EmbeddedDatabaseLockdownIntegrationTests {

	@TempDir
	static Path dataDir;

	private static ConfigurableApplicationContext app;

	private static int port;

	@BeforeAll
	static void start() {
		app = startApp(dataDir);
		port = portOf(app);
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void refusesTheSuperuserWithoutAPassword() {
		assertThatThrownBy(() -> connect("postgres", null).close()).isInstanceOf(SQLException.class);
	}

	@Test
	void refusesTheAppRoleWithoutItsPassword() {
		assertThatThrownBy(() -> connect(EmbeddedClusterLockdown.APP_ROLE, null).close())
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> connect(EmbeddedClusterLockdown.APP_ROLE, "not-the-password").close())
			.isInstanceOf(SQLException.class);
	}

	@Test
	void theAppRoleIsNoSuperuserAndCannotRunPrograms() throws Exception {
		try (Connection connection = connect(EmbeddedClusterLockdown.APP_ROLE, storedPassword());
				Statement statement = connection.createStatement()) {
			var superuser = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user");
			superuser.next();
			assertThat(superuser.getBoolean(1)).isFalse();
			assertThatThrownBy(() -> statement.execute("copy (select 1) to program 'true'"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void theAppRoleOwnsTheSchemas() throws Exception {
		try (Connection connection = connect(EmbeddedClusterLockdown.APP_ROLE, storedPassword());
				Statement statement = connection.createStatement()) {
			var owner = statement
				.executeQuery("select nspowner::regrole::text from pg_namespace where nspname = 'members'");
			owner.next();
			assertThat(owner.getString(1)).isEqualTo(EmbeddedClusterLockdown.APP_ROLE);
		}
	}

	@Test
	void thePasswordAndTheDataAreTheOwnersAlone() throws IOException {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile(dataDir))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
	}

	@Test
	void opensNoUnixSocketInASharedFolder() {
		assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
		assertThat(Path.of("/var/run/postgresql/.s.PGSQL." + port)).doesNotExist();
	}

	@Test
	void locksDownAClusterAnEarlierVersionLeftOpen(@TempDir Path oldDataDir) throws Exception {
		// What earlier versions made: initdb's trust for everyone, objects owned by the
		// superuser.
		try (EmbeddedPostgres open = EmbeddedPostgres.builder()
			.setDataDirectory(oldDataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start();
				Connection connection = open.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create schema legacy");
			statement.execute("create table legacy.note (id bigint generated always as identity, body text)");
			statement.execute("create sequence legacy.counter");
		}
		try (ConfigurableApplicationContext upgraded = startApp(oldDataDir)) {
			int upgradedPort = portOf(upgraded);
			assertThatThrownBy(() -> connect(upgradedPort, "postgres", null).close()).isInstanceOf(SQLException.class);
			try (Connection connection = connect(upgradedPort, EmbeddedClusterLockdown.APP_ROLE,
					Files.readString(passwordFile(oldDataDir)).strip());
					Statement statement = connection.createStatement()) {
				statement.execute("insert into legacy.note (body) values ('kept')");
				statement.execute("select nextval('legacy.counter')");
				statement.execute("alter table legacy.note add column seen boolean");
			}
		}
	}

	private static ConfigurableApplicationContext startApp(Path dir) {
		return new SpringApplicationBuilder(BackstoryApplication.class).run("--backstory.data-dir=" + dir,
				"--backstory.database.url=", "--backstory.demo=false", "--server.port=0");
	}

	private static int portOf(ConfigurableApplicationContext context) {
		String url = context.getBean(HikariDataSource.class).getJdbcUrl();
		return Integer.parseInt(url.replaceAll("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));
	}

	private static Path passwordFile(Path dir) {
		return dir.resolve(EmbeddedDatabase.PASSWORD_FILE);
	}

	private static String storedPassword() throws IOException {
		return Files.readString(passwordFile(dataDir)).strip();
	}

	private static Connection connect(String user, String password) throws SQLException {
		return connect(port, user, password);
	}

	private static Connection connect(int serverPort, String user, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + serverPort + "/postgres", properties);
	}

}
