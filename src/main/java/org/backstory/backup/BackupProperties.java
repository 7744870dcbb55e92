package org.backstory.backup;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Daily backups.
 *
 * @param dir where they are written ({@code BACKSTORY_BACKUP_DIR}); blank, there are none
 * @param keep how many of the newest are kept ({@code BACKSTORY_BACKUP_KEEP}); older ones
 * are deleted after each new one is written
 */
@ConfigurationProperties("backstory.backup")
record BackupProperties(@DefaultValue("") String dir, @DefaultValue("7") int keep) {

	BackupProperties {
		if (keep < 1) {
			throw new IllegalArgumentException("BACKSTORY_BACKUP_KEEP must be at least 1, not " + keep);
		}
	}

	Optional<Path> directory() {
		return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
	}

}
