package org.backstory.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opening a backup checks it whole before a restore changes anything: the format, every
 * entry's checksum, entries that would land outside the data directory, and the schema
 * version; and a restore goes only into an empty data directory.
 */
class BackupArchiveTests {

	private static final byte[] KEY = "a key\n".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path temp;

	@Test
	void opensAWellFormedBackupOfAKnownSchemaVersion() throws Exception {
		Path archive = archive(current(), Map.of("files/two-factor.key", KEY), Map.of());
		assertThat(BackupArchive.open(archive).schemaVersion()).isEqualTo(current());
	}

	@Test
	void refusesAnEntryWhoseBytesDoNotMatchItsChecksum() throws Exception {
		Path archive = archive(current(), Map.of("files/two-factor.key", KEY),
				Map.of("files/two-factor.key", "another key\n".getBytes(StandardCharsets.US_ASCII)));
		assertThatThrownBy(() -> BackupArchive.open(archive)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("files/two-factor.key does not match its checksum");
	}

	@Test
	void refusesAFileThatIsNoZip() throws Exception {
		Path archive = temp.resolve("backup.zip");
		Files.writeString(archive, "not a zip at all");
		assertThatThrownBy(() -> BackupArchive.open(archive)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("is not a Backstory backup or it is damaged");
	}

	@Test
	void refusesACutOffBackup() throws Exception {
		Path archive = archive(current(), Map.of("files/two-factor.key", KEY), Map.of());
		byte[] whole = Files.readAllBytes(archive);
		Files.write(archive, Arrays.copyOf(whole, whole.length / 2));
		assertThatThrownBy(() -> BackupArchive.open(archive)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("is not a Backstory backup or it is damaged");
	}

	@Test
	void refusesAnEntryOutsideTheDataDirectory() throws Exception {
		Path archive = archive(current(), Map.of("files/../../etc/cron.d/evil", KEY), Map.of());
		assertThatThrownBy(() -> BackupArchive.open(archive)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("points outside the data directory");
	}

	@Test
	void refusesABackupFromANewerSchemaThanThisBuildKnows() throws Exception {
		Path archive = archive("9999.1.1.1", Map.of("files/two-factor.key", KEY), Map.of());
		assertThatThrownBy(() -> BackupArchive.open(archive)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("comes from a newer Backstory (schema version 9999.1.1.1)")
			.hasMessageContaining("knows versions up to " + current());
	}

	@Test
	void restoresOnlyIntoAnEmptyDataDirectory() throws Exception {
		Path dataDir = temp.resolve("data");
		assertThatNoException().isThrownBy(() -> BackupArchive.requireEmpty(dataDir));
		Files.createDirectories(dataDir);
		assertThatNoException().isThrownBy(() -> BackupArchive.requireEmpty(dataDir));
		Files.writeString(dataDir.resolve("meter.key"), "x");
		assertThatThrownBy(() -> BackupArchive.requireEmpty(dataDir)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("is not empty");
	}

	@Test
	void restoresTheDataDirectoryFilesOwnerOnly() throws Exception {
		Path dataDir = temp.resolve("data");
		BackupArchive.open(archive(current(), Map.of("files/media/2026/12/a-640.png", KEY), Map.of()))
			.restoreFiles(dataDir);
		Path restored = dataDir.resolve("media/2026/12/a-640.png");
		assertThat(restored).hasBinaryContent(KEY);
		assertThat(Files.getPosixFilePermissions(restored)).hasSize(2);
	}

	private static String current() {
		List<MigrationVersion> known = SchemaVersions.known();
		return known.get(known.size() - 1).getVersion();
	}

	/**
	 * A backup with no tables: {@code files} are summed into the manifest, then
	 * {@code tampered} replaces some entries' bytes.
	 */
	private Path archive(String schemaVersion, Map<String, byte[]> files, Map<String, byte[]> tampered)
			throws Exception {
		Path archive = temp.resolve("backup-" + System.nanoTime() + ".zip");
		try (OutputStream out = Files.newOutputStream(archive); ChecksummedZip zip = new ChecksummedZip(out)) {
			Map<String, String> sums = new TreeMap<>();
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				byte[] bytes = tampered.getOrDefault(file.getKey(), file.getValue());
				zip.entry(file.getKey(), stream -> stream.write(bytes));
				sums.put(file.getKey(), sha256(file.getValue()));
			}
			BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, "2026-12-07T00:00:00Z", "test", "17.11",
					schemaVersion, List.of(), List.of(), sums);
			zip.finish(JsonMapper.builder().build().writeValueAsBytes(manifest));
		}
		return archive;
	}

	private static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(ChecksummedZip.sha256().digest(bytes));
	}

}
