package org.backstory.publishing;

/**
 * An article that was live on the site left it: back to draft, rescheduled to a later
 * time, or made email only. Published synchronously inside the unpublishing transaction.
 *
 * @param articleId the article's id
 * @param status what it is now: {@code draft}, {@code scheduled}, or {@code sent} (email
 * only, as Ghost calls a post that was only emailed)
 */
public record ArticleUnpublished(long articleId, String status) {
}
