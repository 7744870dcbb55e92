package org.backstory.site;

import java.time.LocalDate;

import org.backstory.publishing.SpokenQuote;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;

/**
 * A quote as an entity's page shows it: the words, when they were said, and the article
 * they appear in.
 *
 * @param text the words quoted
 * @param saidOnIso the date as {@code yyyy-MM-dd}, or null when the attribution gives
 * none
 * @param saidOnText the date as the page prints it, or null
 * @param article the article, with its access badge
 */
public record QuoteCard(String text, @Nullable String saidOnIso, @Nullable String saidOnText, ArticleCard article) {

	static QuoteCard of(SpokenQuote quote) {
		LocalDate saidOn = quote.saidOn();
		return new QuoteCard(quote.text(), saidOn == null ? null : saidOn.toString(),
				saidOn == null ? null : Dates.readerDate(saidOn), ArticleCard.of(quote.article()));
	}

}
