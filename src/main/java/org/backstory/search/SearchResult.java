package org.backstory.search;

import java.util.List;

import org.backstory.publishing.AuthorRef;

/**
 * One article in the results.
 *
 * @param href the article's page
 * @param titleHtml the headline, escaped, with the matches in {@code <mark>}
 * @param dek the one-line summary (plain text)
 * @param authors the byline
 * @param publishedIso when it went live, ISO 8601
 * @param publishedText when it went live, for people
 * @param badge who may read it all: Free, Members, Paid, or the tiers' names
 * @param snippetHtml up to two fragments of the text the reader may read, escaped, with
 * the matches in {@code <mark>}
 */
public record SearchResult(String href, String titleHtml, String dek, List<AuthorRef> authors, String publishedIso,
		String publishedText, String badge, String snippetHtml) {

	public SearchResult {
		authors = List.copyOf(authors);
	}

}
