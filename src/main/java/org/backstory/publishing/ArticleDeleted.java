package org.backstory.publishing;

/**
 * An article is being deleted. Published synchronously inside the deleting transaction,
 * before the article's row goes, so a listener can still read the article as it was and
 * its writes commit or roll back with the deletion.
 *
 * @param articleId the article's id
 * @param status what it was: {@code published}, {@code scheduled}, {@code draft}, or
 * {@code sent} (email only)
 */
public record ArticleDeleted(long articleId, String status) {
}
