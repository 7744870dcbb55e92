/**
 * The newsroom's pages for articles: the staff list, the Markdown editor with its live preview, autosave
 * and presence heartbeat, publishing from the editor, and revisions. Every action goes through
 * {@link org.backstory.publishing.ArticleDesk}, which checks the staff member's role.
 */
@NullMarked
package org.backstory.publishing.web;

import org.jspecify.annotations.NullMarked;
