package org.backstory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the app runs itself when no external one is configured. Its cluster lives in
 * {@code <data-dir>/postgres}, so a restart keeps everything, and nobody else on the machine can use it:
 * the data directory is the owner's alone (0700), the binaries are unpacked inside it rather than in a
 * shared temporary folder, the server listens on loopback TCP only and has no Unix socket, and the one
 * role that may connect ({@link EmbeddedClusterLockdown}) needs a random password generated on the first
 * start and kept in {@code <data-dir>/database-password} (0600).
 */
final class EmbeddedDatabase implements Closeable {

	static final String PASSWORD_FILE = "database-password";

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private final EmbeddedPostgres server;

	private final String password;

	private EmbeddedDatabase(EmbeddedPostgres server, String password) {
		this.server = server;
		this.password = password;
	}

	static EmbeddedDatabase start(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		restrict(dataDir, OWNER_ONLY_DIRECTORY);
		String password = readOrCreatePassword(dataDir.resolve(PASSWORD_FILE));
		Path binaries = dataDir.resolve("postgres-binaries");
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			// zonky makes this folder writable by everyone; the data directory around it keeps others out. It
			// remembers the folder it unpacked to per resolver, so a resolver of this start's own makes it use ours.
			.setOverrideWorkingDirectory(binaries.toFile())
			.setPgBinaryResolver(DefaultPostgresBinaryResolver.INSTANCE::getPgBinary)
			.setServerConfig("listen_addresses", "127.0.0.1")
			// pg_ctl hands these to a shell, which turns '' into the empty value: no socket at all.
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("user", EmbeddedClusterLockdown.APP_ROLE)
			.setConnectConfig("password", password)
			.setDataDirectoryCustomizer(new EmbeddedClusterLockdown(binaries, password)::apply)
			.start();
		return new EmbeddedDatabase(server, password);
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

	/** The stored password; on the first start a new one, 256 random bits, written atomically with mode 0600. */
	private static String readOrCreatePassword(Path file) throws IOException {
		if (Files.exists(file)) {
			restrict(file, OWNER_ONLY_FILE);
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Path draft = posix()
				? Files.createTempFile(file.getParent(), PASSWORD_FILE, ".tmp",
						PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
				: Files.createTempFile(file.getParent(), PASSWORD_FILE, ".tmp");
		Files.writeString(draft, password + "\n", StandardCharsets.US_ASCII);
		Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
		return password;
	}

	private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (posix()) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
