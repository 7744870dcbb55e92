package org.backstory.admin.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * An article in a top-articles table.
 *
 * @param href its page, or null when it is no longer published
 */
public record TopArticle(String title, @Nullable String href, long count) {
}
