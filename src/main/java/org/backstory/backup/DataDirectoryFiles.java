package org.backstory.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of the data directory a backup carries: uploaded media, the keys that seal
 * two-factor secrets and sign the anonymous meter, the dev mail outbox, everything but
 * the embedded database's own cluster, binaries and password (a restore makes a new
 * cluster with a new password and loads the dump into it), and files still being written.
 */
final class DataDirectoryFiles {

	static final String ENTRY_PREFIX = "files/";

	private static final Set<String> NOT_CARRIED = Set.of("postgres", "postgres-binaries", "database-password");

	private DataDirectoryFiles() {
	}

	/**
	 * Every regular file to carry, by its path relative to {@code dataDir}, in path
	 * order. Paths in {@code skip} (the backup being written, the backup directory) and
	 * everything under them are left out.
	 */
	static List<Path> list(Path dataDir, Set<Path> skip) throws IOException {
		Path root = dataDir.toAbsolutePath().normalize();
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<Path> skipped = skip.stream().map(path -> path.toAbsolutePath().normalize()).toList();
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> skipped.stream().noneMatch(file::startsWith))
				.map(root::relativize)
				.filter(relative -> !NOT_CARRIED.contains(relative.getName(0).toString()))
				.filter(relative -> !relative.getFileName().toString().endsWith(".tmp"))
				.sorted()
				.toList();
		}
	}

	static String entryName(Path relative) {
		return ENTRY_PREFIX + relative.toString().replace('\\', '/');
	}

}
