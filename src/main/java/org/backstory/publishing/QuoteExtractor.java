package org.backstory.publishing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds attributed quotes in an article's Markdown. Pure: no I/O.
 * <p>
 * A quote is a block quote whose text is a quotation in straight or curly double quotes
 * followed by an em dash (or two hyphens), the speaker and optionally a comma and an ISO
 * date: {@code > "We will talk." — Kim Jong Un,
 * 2018-06-12}. The block quote may span several {@code >} lines; they are joined with
 * single spaces. A date that is not a real day ({@code 2017-02-30}) is read as no date
 * rather than dropping the quote. Block quotes without that shape, and lines inside
 * fenced code blocks, are not quotes.
 */
final class QuoteExtractor {

	/** One attributed quote, in the order it appears. */
	record Attributed(String text, String speaker, @Nullable LocalDate saidOn) {
	}

	private static final Pattern ATTRIBUTED = Pattern
		.compile("[\"“](.+)[\"”]\\s*(?:—|--)\\s*([^,]+?)\\s*(?:,\\s*(\\d{4}-\\d{2}-\\d{2}))?\\s*");

	private static final Pattern QUOTE_LINE = Pattern.compile(" {0,3}>\\s?(.*)");

	private static final Pattern FENCE = Pattern.compile(" {0,3}(```|~~~).*");

	/** The attributed quotes in {@code markdown}. */
	List<Attributed> quotesIn(String markdown) {
		List<Attributed> quotes = new ArrayList<>();
		List<String> block = new ArrayList<>();
		boolean fenced = false;
		for (String line : markdown.split("\\R", -1)) {
			if (FENCE.matcher(line).matches()) {
				fenced = !fenced;
			}
			Matcher quoted = QUOTE_LINE.matcher(line);
			if (!fenced && quoted.matches()) {
				block.add(quoted.group(1).strip());
				continue;
			}
			attributed(block, quotes);
			block.clear();
		}
		attributed(block, quotes);
		return quotes;
	}

	private static void attributed(List<String> block, List<Attributed> quotes) {
		if (block.isEmpty()) {
			return;
		}
		Matcher matcher = ATTRIBUTED.matcher(String.join(" ", block).strip());
		if (matcher.matches() && !matcher.group(1).isBlank()) {
			quotes.add(new Attributed(matcher.group(1).strip(), matcher.group(2), date(matcher.group(3))));
		}
	}

	private static @Nullable LocalDate date(@Nullable String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return LocalDate.parse(iso);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
