package org.backstory.publishing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A quote attributed to an entity in a published article.
 *
 * @param text the words quoted, as written (plain text)
 * @param saidOn when it was said, if the attribution gives a date
 * @param gated whether it sits in the article's gated part: then only readers who may
 * read the whole article may see it
 * @param article the article it appears in
 */
public record SpokenQuote(String text, @Nullable LocalDate saidOn, boolean gated, ArticleSummary article) {
}
