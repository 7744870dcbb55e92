/**
 * Publishing's staff pages: the newsroom's article list, the Markdown editor with its
 * live preview, autosave and presence heartbeat, publishing from the editor, and
 * revisions (every action through {@link org.backstory.publishing.ArticleDesk}, which
 * checks the staff member's role); tags and storylines management under
 * {@code /admin/tags} and {@code /admin/storylines}, and entities under
 * {@code /admin/entities} (editors and up, by the URL table).
 */
@NullMarked
package org.backstory.publishing.web;

import org.jspecify.annotations.NullMarked;
