package org.backstory.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one backup into the backup directory and deletes all but the newest
 * {@code keep}. Names sort by time, so the newest are the last by name; only files named
 * as backups are ever deleted.
 */
final class DailyBackups {

	private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);

	private final Backups backups;

	private final Path dir;

	private final int keep;

	DailyBackups(Backups backups, Path dir, int keep) {
		this.backups = backups;
		this.dir = dir;
		this.keep = keep;
	}

	Path run() throws Exception {
		Files.createDirectories(dir);
		Path file = dir.resolve(backups.fileName());
		Path partial = dir.resolve(file.getFileName() + ".part");
		BackupWriter.Summary summary;
		try (OutputStream out = Files.newOutputStream(partial)) {
			summary = backups.write(out, Set.of(partial));
		}
		catch (Exception ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		log.info("Backup written file={} bytes={} tables={} rows={} files={}", file, Files.size(file), summary.tables(),
				summary.rows(), summary.files());
		prune();
		return file;
	}

	private void prune() throws IOException {
		List<Path> all;
		try (Stream<Path> files = Files.list(dir)) {
			all = files.filter(path -> {
				String name = Objects.toString(path.getFileName());
				return name.startsWith("backstory-backup-") && name.endsWith(".zip");
			}).sorted().toList();
		}
		for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
			Files.delete(old);
			log.info("Old backup deleted file={}", old);
		}
	}

}
