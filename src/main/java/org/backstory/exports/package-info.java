/**
 * The owner's export: everything the publication owns, in open formats, at
 * {@code /admin/export}. Articles in Ghost's JSON export format (so Ghost can import it)
 * with what Ghost has no place for under a {@code backstory} key, members in Ghost's
 * member CSV with a column per newsletter opt-in, subscriptions and payments in CSV,
 * uploaded images as a zip, or all of it in one zip. Every file is streamed as it is
 * read, in a stable order, so two exports of an unchanged site are the same bytes apart
 * from the export time.
 */
@ApplicationModule(allowedDependencies = { "shared", "publishing", "access", "billing", "members", "newsletters",
		"media", "admin::member-export" })
@NullMarked
package org.backstory.exports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
