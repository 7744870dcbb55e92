package org.backstory.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.backstory.access.ArticleGate;
import org.backstory.access.Reader;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleSearch;
import org.backstory.publishing.SearchOrder;
import org.backstory.publishing.SearchReach;
import org.backstory.publishing.SearchRequest;
import org.backstory.publishing.SearchResults;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Service;

/**
 * A reader's search, end to end: the access policy gives the reach (which gated articles they match on their
 * whole text), publishing's index finds and ranks, and each result's snippet is cut from the text the access gate
 * hands this reader for that article, the preview alone unless they may read it all. Nothing here reads a gated
 * half itself.
 */
@Service
class ReaderSearch {

	static final int PAGE_SIZE = 10;

	/** Beyond this a snippet is cut from the opening only: {@code ts_headline} re-reads the whole text it is given. */
	private static final int SNIPPET_SOURCE_CHARS = 20_000;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final ArticleSearch search;

	private final ArticleGate gate;

	ReaderSearch(ArticleSearch search, ArticleGate gate) {
		this.search = search;
		this.gate = gate;
	}

	/** What {@link #find} answers: this page's results, the total and a suggestion when nothing matched. */
	record Found(List<SearchResult> results, long total, @Nullable String didYouMean) {
	}

	Found find(String query, SearchOrder order, @Nullable String tag, @Nullable String author,
			@Nullable String storyline, int page, @Nullable SignedInMember member) {
		Reader reader = gate.searcher(member);
		SearchReach reach = gate.searchReach(reader);
		SearchResults results = search.search(new SearchRequest(query, reach, order, tag, author, storyline, PAGE_SIZE,
				(page - 1) * PAGE_SIZE));
		if (results.total() == 0) {
			boolean filtered = tag != null || author != null || storyline != null;
			Optional<String> suggestion = filtered ? Optional.empty() : search.didYouMean(query, reach);
			return new Found(List.of(), 0, suggestion.orElse(null));
		}
		List<Article> articles = results.articles();
		List<String> texts = articles.stream().map(article -> snippetSource(article, reader)).toList();
		List<String> snippets = search.snippets(query, texts);
		List<String> titles = search.titles(query, articles.stream().map(article -> Marks.withoutMarks(article.title())).toList());
		List<SearchResult> shown = new ArrayList<>();
		for (int i = 0; i < articles.size(); i++) {
			Article article = articles.get(i);
			Instant published = article.publishedAt().truncatedTo(ChronoUnit.SECONDS);
			shown.add(new SearchResult("/p/" + article.slug(), Marks.html(titles.get(i)), article.dek(), article.authors(),
					published.toString(), DATE.format(published), article.visibility().badge(), Marks.html(snippets.get(i))));
		}
		return new Found(shown, results.total(), null);
	}

	/** The plain text this reader may read of the article, as the access gate hands it out. */
	private String snippetSource(Article article, Reader reader) {
		String text = Jsoup.parse(gate.openForSearch(article, reader).bodyHtml()).text();
		return Marks.withoutMarks(text.length() > SNIPPET_SOURCE_CHARS ? text.substring(0, SNIPPET_SOURCE_CHARS) : text);
	}

}
