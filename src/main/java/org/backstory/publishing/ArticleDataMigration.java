package org.backstory.publishing;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that rewrites stored articles in Java, with the current
 * {@link ArticleRenderer}, where SQL cannot: it runs once, in one transaction, under
 * Flyway's lock (one node of several does it), before the application serves a request.
 * Spring Boot hands every {@link JavaMigration} bean to Flyway.
 */
abstract class ArticleDataMigration implements JavaMigration {

	private final MigrationVersion version;

	private final String description;

	ArticleDataMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

}
