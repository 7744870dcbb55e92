package org.backstory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.backstory.shared.SecretFile;

/**
 * The PostgreSQL the app runs itself when no external one is configured. Its cluster
 * lives in {@code <data-dir>/postgres}, so a restart keeps everything, and nobody else on
 * the machine can use it: the data directory is the owner's alone (0700), the binaries
 * are unpacked inside it rather than in a shared temporary folder, the server listens on
 * loopback TCP only and has no Unix socket, and the one role that may connect
 * ({@link EmbeddedClusterLockdown}) needs a random password generated on the first start
 * and kept in {@code <data-dir>/database-password} (0600).
 */
final class EmbeddedDatabase implements Closeable {

	static final String PASSWORD_FILE = "database-password";

	private final EmbeddedPostgres server;

	private final String password;

	private EmbeddedDatabase(EmbeddedPostgres server, String password) {
		this.server = server;
		this.password = password;
	}

	static EmbeddedDatabase start(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		SecretFile.ownerOnlyDirectory(dataDir);
		String password = SecretFile.readOrCreate(dataDir.resolve(PASSWORD_FILE));
		Path binaries = dataDir.resolve("postgres-binaries");
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			// zonky makes this folder writable by everyone; the data directory around it
			// keeps others out. It
			// remembers the folder it unpacked to per resolver, so a resolver of this
			// start's own makes it use ours.
			.setOverrideWorkingDirectory(binaries.toFile())
			.setPgBinaryResolver(DefaultPostgresBinaryResolver.INSTANCE::getPgBinary)
			.setServerConfig("listen_addresses", "127.0.0.1")
			// pg_ctl hands these to a shell, which turns '' into the empty value: no
			// socket at all.
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("user", EmbeddedClusterLockdown.APP_ROLE)
			.setConnectConfig("password", password)
			.setDataDirectoryCustomizer(new EmbeddedClusterLockdown(binaries, password)::apply)
			.start();
		return new EmbeddedDatabase(server, password);
	}

	/**
	 * The server already running on this data directory's cluster (the site's, when a
	 * command runs beside it), found by the port in its {@code postmaster.pid} and by
	 * connecting; empty when none answers.
	 */
	static Optional<Running> running(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
		Path passwordFile = dataDir.resolve(PASSWORD_FILE);
		if (!Files.isRegularFile(pidFile) || !Files.isRegularFile(passwordFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 4 || !lines.get(3).strip().matches("[0-9]{1,5}")) {
			return Optional.empty();
		}
		Running running = new Running("jdbc:postgresql://127.0.0.1:" + lines.get(3).strip() + "/postgres",
				SecretFile.readOrCreate(passwordFile));
		try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), EmbeddedClusterLockdown.APP_ROLE,
				running.password())) {
			return Optional.of(running);
		}
		catch (SQLException stale) {
			return Optional.empty();
		}
	}

	/** A server some other process runs on the cluster. */
	record Running(String jdbcUrl, String password) {
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
	}

	String username() {
		return EmbeddedClusterLockdown.APP_ROLE;
	}

	String password() {
		return password;
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
