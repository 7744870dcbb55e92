/**
 * Site: the reader-facing pages (home, article, tag, author, storyline, entity, account
 * overview), the RSS feeds (the site's, each tag's, author's and storyline's, and
 * members' private feeds), the sitemap, error pages, and the page chrome every page is
 * framed with. The follow button on storyline and article pages asks the newsletters
 * module, which keeps the follows (a follow is a mail subscription), whether the reader
 * follows.
 */
@ApplicationModule(allowedDependencies = { "shared", "publishing", "access", "members", "billing", "newsletters" })
@NullMarked
package org.backstory.site;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
