package org.backstory;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.backstory.backup.BackupArchive;
import org.backstory.backup.BackupRefusedException;
import org.backstory.backup.BackupWriter;
import org.backstory.shared.BackstoryProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar backstory.jar backup FILE} and {@code restore FILE}: run without the
 * web server, the scheduler or any other part of the site, on the database and data
 * directory the site's own settings name. A backup runs beside a running site (on the
 * embedded database it connects to the server the site started); a restore needs an empty
 * data directory and an empty database.
 */
final class BackupCommand {

	static final int REFUSED = 1;

	static final int USAGE = 2;

	private final DatabaseProperties database;

	private final Path dataDir;

	private final PrintStream out;

	BackupCommand(DatabaseProperties database, Path dataDir, PrintStream out) {
		this.database = database;
		this.dataDir = dataDir;
		this.out = out;
	}

	static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Runs the command {@code args} names and returns the process's exit status. */
	static int run(String[] args) {
		if (args.length != 2) {
			System.err.println("Usage: java -jar backstory.jar backup FILE | restore FILE");
			return USAGE;
		}
		try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()) {
			BackupCommand command = new BackupCommand(settings.getBean(DatabaseProperties.class),
					settings.getBean(BackstoryProperties.class).dataDir(), System.out);
			Path file = Path.of(args[1]);
			return args[0].equals("backup") ? command.backup(file) : command.restore(file);
		}
	}

	int backup(Path file) {
		long started = System.nanoTime();
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		try (HikariDataSource dataSource = DatabaseConfiguration.openBeside(database, dataDir)) {
			BackupWriter.Summary summary;
			try (OutputStream stream = Files.newOutputStream(partial)) {
				summary = new BackupWriter(dataSource, dataDir, Clock.systemUTC()).write(stream, Set.of(file, partial));
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			out.printf("Backed up %d tables (%d rows) and %d files, schema version %s, to %s (%d bytes) in %d ms%n",
					summary.tables(), summary.rows(), summary.files(), summary.schemaVersion(), file, Files.size(file),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			return 0;
		}
		catch (BackupRefusedException ex) {
			return refused(ex);
		}
		catch (Exception ex) {
			deleteQuietly(partial);
			throw new IllegalStateException("The backup failed", ex);
		}
	}

	int restore(Path file) {
		try {
			BackupArchive.requireEmpty(dataDir);
			BackupArchive archive = BackupArchive.open(file);
			try (HikariDataSource dataSource = DatabaseConfiguration.open(database, dataDir)) {
				archive.restoreDatabase(dataSource);
			}
			archive.restoreFiles(dataDir);
			out.printf("Restored the backup of %s (schema version %s) into %s; start the site as usual.%n",
					archive.createdAt(), archive.schemaVersion(), dataDir.toAbsolutePath());
			return 0;
		}
		catch (BackupRefusedException ex) {
			return refused(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"The restore failed; empty the data directory and database before trying again", ex);
		}
	}

	private static int refused(BackupRefusedException ex) {
		System.err.println(ex.getMessage());
		return REFUSED;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (Exception ignored) {
			// The failure being reported matters more than a leftover .part file.
		}
	}

	/**
	 * Only the settings: no web server, no scheduler, no Flyway run. Not
	 * a @Configuration, so the site's component scan passes it by.
	 */
	@EnableConfigurationProperties({ DatabaseProperties.class, BackstoryProperties.class })
	static class Settings {

	}

}
