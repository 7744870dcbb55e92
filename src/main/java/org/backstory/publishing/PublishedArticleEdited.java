package org.backstory.publishing;

/**
 * An article that is live on the site was saved again, or its publication time was
 * changed while it stays live. Published synchronously inside the saving transaction.
 *
 * @param articleId the article's id
 */
public record PublishedArticleEdited(long articleId) {
}
