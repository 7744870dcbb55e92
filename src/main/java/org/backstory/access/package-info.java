/**
 * Access: the paywall. One pure {@link org.backstory.access.AccessPolicy} decides whether
 * a reader may read an article, and {@link org.backstory.access.ArticleGate} is the one
 * place that turns an article into what a reader may receive; every channel (page, feed,
 * sitemap, JSON-LD, email) goes through it.
 */
@ApplicationModule(allowedDependencies = { "shared", "publishing", "billing", "members" })
@NullMarked
package org.backstory.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
