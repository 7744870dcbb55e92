package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restore} refuses, with a non-zero exit status and before it starts a database, a
 * data directory that is not empty and a file that is no backup; a wrong command line
 * gets its usage. (The restore itself is in {@link BackupRestoreIntegrationTests}.)
 */
class BackupCommandTests {

	@TempDir
	Path temp;

	private final ByteArrayOutputStream said = new ByteArrayOutputStream();

	@Test
	void refusesANonEmptyDataDirectory() throws Exception {
		Path dataDir = Files.createDirectories(temp.resolve("data"));
		Files.writeString(dataDir.resolve("two-factor.key"), "already a site here");
		Path backup = Files.writeString(temp.resolve("backup.zip"), "whatever");
		assertThat(command(dataDir).restore(backup)).isEqualTo(BackupCommand.REFUSED);
		assertThat(dataDir.resolve("postgres")).doesNotExist();
		assertThat(said.toString()).isEmpty();
	}

	@Test
	void refusesADamagedFileAndLeavesTheDataDirectoryEmpty() throws Exception {
		Path dataDir = temp.resolve("data");
		Path backup = Files.writeString(temp.resolve("backup.zip"), "PK not really a zip");
		assertThat(command(dataDir).restore(backup)).isEqualTo(BackupCommand.REFUSED);
		assertThat(dataDir).doesNotExist();
	}

	@Test
	void answersAWrongCommandLineWithItsUsage() {
		assertThat(BackupCommand.handles(new String[] { "backup", "x.zip" })).isTrue();
		assertThat(BackupCommand.handles(new String[] { "--server.port=0" })).isFalse();
		assertThat(BackupCommand.run(new String[] { "restore" })).isEqualTo(BackupCommand.USAGE);
	}

	private BackupCommand command(Path dataDir) {
		return new BackupCommand(new DatabaseProperties(null, null, null, 2), dataDir, new PrintStream(said));
	}

}
