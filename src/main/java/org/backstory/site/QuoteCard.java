package org.backstory.site;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.backstory.publishing.SpokenQuote;
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

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	static QuoteCard of(SpokenQuote quote) {
		LocalDate saidOn = quote.saidOn();
		return new QuoteCard(quote.text(), saidOn == null ? null : saidOn.toString(),
				saidOn == null ? null : TEXT.format(saidOn), ArticleCard.of(quote.article()));
	}

}
