/**
 * Backups that restore: one zip with a consistent logical dump of every table the app
 * owns (PostgreSQL's {@code COPY}, read in one snapshot), the data directory's files
 * (uploaded media, the keys that seal secrets) and a manifest with the schema version and
 * a SHA-256 of every entry. Written by {@code java -jar backstory.jar backup FILE}, by
 * the owner's download and, when a directory is configured, once a day; brought back by
 * {@code restore FILE} into an empty data directory.
 */
@ApplicationModule(allowedDependencies = { "shared", "members" })
@NullMarked
package org.backstory.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
