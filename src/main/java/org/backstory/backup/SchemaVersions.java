package org.backstory.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema versions this build knows: its SQL migrations. (Its few Java migrations only
 * rewrite stored articles; a restore loads their results with the data and their rows of
 * the migration history with it.)
 */
final class SchemaVersions {

	private static final Pattern SQL_MIGRATION = Pattern.compile("V([0-9_.]+)__.*\\.sql");

	private SchemaVersions() {
	}

	static List<MigrationVersion> known() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:db/migration/V*.sql");
			return Arrays.stream(resources)
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.map(SQL_MIGRATION::matcher)
				.filter(Matcher::matches)
				.map(match -> MigrationVersion.fromVersion(match.group(1).replace('_', '.')))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The newest known version no newer than {@code version}, to migrate an empty
	 * database to.
	 */
	static MigrationVersion target(MigrationVersion version) {
		List<MigrationVersion> known = known();
		MigrationVersion newest = known.get(known.size() - 1);
		if (version.compareTo(newest) > 0) {
			throw new BackupRefusedException("This backup comes from a newer Backstory (schema version "
					+ version.getVersion() + "); this one knows versions up to " + newest.getVersion()
					+ ". Restore it with the version that made it, or a newer one.");
		}
		return known.stream()
			.filter(known1 -> known1.compareTo(version) <= 0)
			.reduce((a, b) -> b)
			.orElseThrow(() -> new BackupRefusedException("This backup's schema version " + version.getVersion()
					+ " is older than any this Backstory knows."));
	}

}
