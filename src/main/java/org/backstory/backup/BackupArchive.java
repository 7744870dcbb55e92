package org.backstory.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup file opened for a restore. Opening it checks it whole before anything is
 * changed: that it is a Backstory backup, that every entry has the SHA-256 its manifest
 * names, and that this build knows its schema version.
 */
public final class BackupArchive {

	private final Path file;

	private final BackupManifest manifest;

	private final MigrationVersion target;

	private BackupArchive(Path file, BackupManifest manifest, MigrationVersion target) {
		this.file = file;
		this.manifest = manifest;
		this.target = target;
	}

	/**
	 * Opens and checks {@code file}; a {@link BackupRefusedException} says what is wrong.
	 */
	public static BackupArchive open(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new BackupRefusedException("There is no backup file at " + file + ".");
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
			if (manifestEntry == null) {
				throw damaged(file, "it has no " + BackupManifest.ENTRY);
			}
			BackupManifest manifest;
			try (InputStream in = zip.getInputStream(manifestEntry)) {
				manifest = JsonMapper.builder().build().readValue(in, BackupManifest.class);
			}
			if (!BackupManifest.FORMAT.equals(manifest.format())) {
				throw damaged(file, "its format is " + manifest.format() + ", not " + BackupManifest.FORMAT);
			}
			verifySums(file, zip, manifest);
			MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
			return new BackupArchive(file, manifest, SchemaVersions.target(version));
		}
		catch (IOException | JacksonException ex) {
			throw new BackupRefusedException(
					file + " is not a Backstory backup or it is damaged (" + ex.getMessage() + ").", ex);
		}
	}

	private static void verifySums(Path file, ZipFile zip, BackupManifest manifest) throws IOException {
		Set<String> seen = new HashSet<>();
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			if (entry.isDirectory() || entry.getName().equals(BackupManifest.ENTRY)) {
				continue;
			}
			if (entry.getName().startsWith(DataDirectoryFiles.ENTRY_PREFIX) && !insideDataDir(entry.getName())) {
				throw damaged(file, entry.getName() + " points outside the data directory");
			}
			String expected = manifest.sha256().get(entry.getName());
			if (expected == null) {
				throw damaged(file, entry.getName() + " is not in its manifest");
			}
			MessageDigest digest = ChecksummedZip.sha256();
			try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			if (!HexFormat.of().formatHex(digest.digest()).equals(expected)) {
				throw damaged(file, entry.getName() + " does not match its checksum");
			}
			seen.add(entry.getName());
		}
		for (String listed : manifest.sha256().keySet()) {
			if (!seen.contains(listed)) {
				throw damaged(file, listed + " is missing");
			}
		}
		for (BackupManifest.Table table : manifest.tables()) {
			if (!seen.contains(table.entry())) {
				throw damaged(file, table.entry() + " is missing");
			}
		}
	}

	private static boolean insideDataDir(String entryName) {
		Path relative = Path.of(entryName.substring(DataDirectoryFiles.ENTRY_PREFIX.length())).normalize();
		return !relative.isAbsolute() && !relative.startsWith("..") && !relative.toString().isEmpty();
	}

	private static BackupRefusedException damaged(Path file, String why) {
		return new BackupRefusedException(file + " is not a Backstory backup or it is damaged: " + why + ".");
	}

	/** Refuses a data directory that holds anything: a restore never mixes two sites. */
	public static void requireEmpty(Path dataDir) {
		if (!Files.exists(dataDir)) {
			return;
		}
		if (!Files.isDirectory(dataDir)) {
			throw new BackupRefusedException(dataDir + " is a file, not a data directory.");
		}
		try (Stream<Path> entries = Files.list(dataDir)) {
			if (entries.findAny().isPresent()) {
				throw new BackupRefusedException("The data directory " + dataDir.toAbsolutePath()
						+ " is not empty; a restore goes into an empty one. Point BACKSTORY_DATA_DIR at a new directory.");
			}
		}
		catch (IOException ex) {
			throw new BackupRefusedException("Cannot read the data directory " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	/** The schema version of the dumped database. */
	public String schemaVersion() {
		return manifest.schemaVersion();
	}

	/** When the snapshot was taken (ISO-8601). */
	public String createdAt() {
		return manifest.createdAt();
	}

	/**
	 * Loads the dump into {@code dataSource}'s database, which must have no tables yet:
	 * migrates it to the backup's schema version and loads every table in one
	 * transaction, so a failure leaves no data behind.
	 */
	public void restoreDatabase(DataSource dataSource) throws Exception {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			new DatabaseLoad(dataSource, manifest, target).load(zip);
		}
	}

	/** Writes the data directory's files (media, keys), owner-only. */
	public void restoreFiles(Path dataDir) throws IOException {
		Path root = dataDir.toAbsolutePath().normalize();
		Files.createDirectories(root);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (entry.isDirectory() || !entry.getName().startsWith(DataDirectoryFiles.ENTRY_PREFIX)) {
					continue;
				}
				// open() made sure every name stays inside the data directory.
				Path target = root.resolve(entry.getName().substring(DataDirectoryFiles.ENTRY_PREFIX.length()))
					.normalize();
				Files.createDirectories(target.getParent());
				try (InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, target);
				}
				ownerOnly(target);
			}
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
