package org.backstory.publishing;

import java.time.Instant;

/**
 * One saved version of an article's text.
 *
 * @param id the revision's id
 * @param articleId the article
 * @param version the article's version this save made
 * @param text the body, background and now part as saved
 * @param savedByName who saved it, as they were named then
 * @param savedAt when
 * @param autosave whether the editor saved it by itself (autosaves in a row by one person
 * are kept as one)
 */
public record ArticleRevision(long id, long articleId, int version, String title, String dek, HouseText text,
		String savedByName, Instant savedAt, boolean autosave) {
}
