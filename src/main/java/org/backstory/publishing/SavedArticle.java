package org.backstory.publishing;

import java.time.Instant;

/**
 * What a save through {@link ArticleDesk} produced.
 *
 * @param id the article's id
 * @param version its new version, for the next save
 * @param savedAt when
 */
public record SavedArticle(long id, int version, Instant savedAt) {
}
