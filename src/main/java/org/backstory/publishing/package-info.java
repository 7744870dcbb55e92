/**
 * Publishing: the publication's settings, articles (draft, scheduled, published),
 * authors, tags, storylines, entities (people, places, organisations) with the mentions
 * and quotes found in articles at save, and Markdown rendering. An article's free preview
 * and its gated rest are split when it is saved; the gated rest is handed out only as a
 * {@link org.backstory.publishing.GatedBody}, which only the access module may open.
 * Staff write through {@link org.backstory.publishing.ArticleDesk}, which checks each
 * staff member's role (from the members module's {@code SignedInMember}) on every action.
 */
@ApplicationModule(allowedDependencies = { "shared", "members", "email" })
@NullMarked
package org.backstory.publishing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
