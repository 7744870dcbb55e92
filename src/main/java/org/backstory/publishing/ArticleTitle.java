package org.backstory.publishing;

/**
 * An article named for a list in the admin: enough to link to it.
 *
 * @param id the article's id
 * @param slug its current slug ({@code /p/{slug}})
 * @param title the headline
 */
public record ArticleTitle(long id, String slug, String title) {
}
