package org.backstory.publishing;

/**
 * An article went live on the site: published now, or brought onto the site from email
 * only. Published synchronously inside the publishing transaction, so a listener's writes
 * commit or roll back with it.
 *
 * @param articleId the article's id
 */
public record ArticlePublished(long articleId) {
}
