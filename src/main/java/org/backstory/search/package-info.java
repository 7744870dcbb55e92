/**
 * Search: the readers' search page ({@code /search}). Matching and ranking run in
 * publishing's full-text index ({@link org.backstory.publishing.ArticleSearch}); which
 * gated articles a reader matches on their whole text, and what text their snippets are
 * cut from, are decided by the access module's policy and gate, as for a page view.
 */
@ApplicationModule(allowedDependencies = { "shared", "publishing", "access", "members" })
@NullMarked
package org.backstory.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
