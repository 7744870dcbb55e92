package org.backstory.publishing.web;

import java.util.List;

import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;

/**
 * The revisions of one article, or one revision in full.
 *
 * @param articleId the article
 * @param articleTitle its current title
 * @param lines every revision, newest first (the list page), or the one shown
 * @param shownBody the shown revision's Markdown; null on the list page
 * @param version the article's current version, which a restore is based on; null if this
 * staff member may not restore
 * @param csrf the restore form's CSRF field
 */
public record RevisionsPage(long articleId, String articleTitle, List<Line> lines, @Nullable String shownBody,
		@Nullable Integer version, CsrfField csrf) {

	public RevisionsPage {
		lines = List.copyOf(lines);
	}

	/**
	 * One revision as listed.
	 *
	 * @param savedBy who saved it
	 * @param savedAt when, as text
	 * @param kind "autosave" or "saved"
	 */
	public record Line(long id, int version, String title, String dek, String savedBy, String savedAt, String kind) {
	}

}
