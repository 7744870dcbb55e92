package org.backstory.shared;

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

/**
 * A secret the app makes on its first start and keeps in a file of the data directory
 * that only the app's user may read (mode 0600): the embedded database's password, the
 * key that seals two-factor secrets. The secret is 256 random bits, URL-safe Base64
 * without padding (43 characters).
 */
public final class SecretFile {

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private SecretFile() {
	}

	/**
	 * The secret kept in {@code file}; when there is none yet, a new one, written
	 * atomically with mode 0600 (the directory is created if need be). An existing file
	 * is made 0600 again in case someone widened it.
	 */
	public static String readOrCreate(Path file) throws IOException {
		if (Files.exists(file)) {
			restrict(file, OWNER_ONLY_FILE);
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String prefix = file.getFileName().toString();
		Path draft = posix()
				? Files.createTempFile(directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
				: Files.createTempFile(directory, prefix, ".tmp");
		Files.writeString(draft, text + "\n", StandardCharsets.US_ASCII);
		Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
		return text;
	}

	/**
	 * Makes {@code directory} the app user's alone (mode 0700), where the file system has
	 * POSIX permissions.
	 */
	public static void ownerOnlyDirectory(Path directory) throws IOException {
		restrict(directory, OWNER_ONLY_DIRECTORY);
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
