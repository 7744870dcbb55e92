package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The embedded PostgreSQL starts early only for the site itself on the embedded database:
 * the backup and restore commands need the data directory as it is (a restore refuses one
 * that is not empty), and an external database needs no server.
 */
class EmbeddedDatabaseEarlyStartTests {

	@TempDir
	Path dataDir;

	@Test
	void leavesTheDataDirectoryAloneForTheBackupCommandsSettings() {
		GenericApplicationContext context = prepared(BackupCommand.Settings.class, "backstory.database.url=");

		assertThat(context.containsBean(EmbeddedDatabaseLaunch.BEAN_NAME)).isFalse();
		assertThat(dataDir).isEmptyDirectory();
	}

	@Test
	void startsNothingForAnExternalDatabase() {
		GenericApplicationContext context = prepared(BackstoryApplication.class,
				"backstory.database.url=jdbc:postgresql://db.invalid:5432/backstory");

		assertThat(context.containsBean(EmbeddedDatabaseLaunch.BEAN_NAME)).isFalse();
		assertThat(dataDir).isEmptyDirectory();
	}

	private GenericApplicationContext prepared(Class<?> source, String database) {
		GenericApplicationContext context = new GenericApplicationContext();
		TestPropertyValues.of("backstory.data-dir=" + dataDir, database).applyTo(context);
		new EmbeddedDatabaseEarlyStart()
			.onApplicationEvent(new ApplicationPreparedEvent(new SpringApplication(source), new String[0], context));
		return context;
	}

}
