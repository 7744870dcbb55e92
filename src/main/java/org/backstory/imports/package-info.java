/**
 * Imports: a publication's archive brought over from Ghost (its JSON export) or Substack
 * (its export zip). Staff upload it at {@code /admin/import}; a dry run lists every
 * article with what it will become and every problem with its line, file or JSON path;
 * the import then writes everything in one transaction, or nothing, through publishing's,
 * members', newsletters', billing's and media's public services (feature images are
 * copied into the media library when they can be fetched). Each imported article and
 * member keeps its source key (schema {@code imports}), so importing the same archive
 * again adds nothing.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "publishing", "billing", "newsletters", "media" })
@NullMarked
package org.backstory.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
