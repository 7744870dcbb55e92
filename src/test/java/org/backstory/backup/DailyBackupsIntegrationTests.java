package org.backstory.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A daily backup lands in the backup directory as a whole backup that opens, and only the
 * newest ones are kept; files not named as backups are never deleted.
 */
@SpringBootTest
class DailyBackupsIntegrationTests {

	@Autowired
	Backups backups;

	@TempDir
	Path dir;

	@Test
	void writesABackupThatOpensAndKeepsOnlyTheNewest() throws Exception {
		for (String day : List.of("01", "02", "03")) {
			Files.writeString(dir.resolve("backstory-backup-2020-01-" + day + "T030000Z.zip"), "old");
		}
		Files.writeString(dir.resolve("notes.txt"), "mine");

		Path written = new DailyBackups(backups, dir, 2).run();

		assertThat(BackupArchive.open(written).schemaVersion()).isNotBlank();
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map(file -> file.getFileName().toString()).sorted()).containsExactly(
					"backstory-backup-2020-01-03T030000Z.zip", written.getFileName().toString(), "notes.txt");
		}
	}

}
