package org.backstory.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backstory.access.ArticleGate;
import org.backstory.access.Reader;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleSearch;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.SearchOrder;
import org.backstory.publishing.SearchReach;
import org.backstory.publishing.SearchRequest;
import org.backstory.publishing.SearchResults;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Service;

/**
 * A reader's search, end to end: the access policy gives the reach (which gated articles
 * they match on their whole text), publishing's index finds and ranks, and each result's
 * snippet is cut from the text the access gate hands this reader for that article, the
 * preview alone unless they may read it all. Nothing here reads a gated half itself.
 */
@Service
class ReaderSearch {

	static final int PAGE_SIZE = 10;

	/** At most this many people, places and organisations above the articles. */
	static final int ENTITY_LIMIT = 5;

	/**
	 * A bio up to this long is shown whole; a longer one as fragments around the matches,
	 * as article text is.
	 */
	private static final int WHOLE_BIO = 300;

	/**
	 * Beyond this a snippet is cut from the opening only: {@code ts_headline} re-reads
	 * the whole text it is given.
	 */
	private static final int SNIPPET_SOURCE_CHARS = 20_000;

	private final ArticleSearch search;

	private final ArticleGate gate;

	private final Entities entities;

	ReaderSearch(ArticleSearch search, ArticleGate gate, Entities entities) {
		this.search = search;
		this.gate = gate;
		this.entities = entities;
	}

	/**
	 * What {@link #find} answers: the matching people, places and organisations (on the
	 * first page of a search without filters), this page's articles, their total and a
	 * suggestion when nothing matched.
	 */
	record Found(List<EntityResult> entities, List<SearchResult> results, long total, @Nullable String didYouMean) {

		static final Found NOTHING = new Found(List.of(), List.of(), 0, null);

	}

	Found find(String query, SearchOrder order, @Nullable String tag, @Nullable String author,
			@Nullable String storyline, int page, @Nullable SignedInMember member) {
		Reader reader = gate.searcher(member);
		SearchReach reach = gate.searchReach(reader);
		boolean filtered = tag != null || author != null || storyline != null;
		List<EntityResult> people = filtered || page > 1 ? List.of() : entities(query);
		SearchResults results = search
			.search(new SearchRequest(query, reach, order, tag, author, storyline, PAGE_SIZE, (page - 1) * PAGE_SIZE));
		if (results.total() == 0) {
			Optional<String> suggestion = filtered || !people.isEmpty() ? Optional.empty()
					: search.didYouMean(query, reach);
			return new Found(people, List.of(), 0, suggestion.orElse(null));
		}
		List<Article> articles = results.articles();
		List<String> texts = articles.stream().map(article -> snippetSource(article, reader)).toList();
		List<String> snippets = search.snippets(query, texts);
		List<String> titles = search.titles(query,
				articles.stream().map(article -> Marks.withoutMarks(article.title())).toList());
		List<SearchResult> shown = new ArrayList<>();
		for (int i = 0; i < articles.size(); i++) {
			Article article = articles.get(i);
			Instant published = article.publishedAt().truncatedTo(ChronoUnit.SECONDS);
			shown.add(new SearchResult(ArticleLinks.page(article.slug()), Marks.html(titles.get(i)), article.dek(),
					article.authors(), published.toString(), Dates.readerDate(published), article.visibility().badge(),
					Marks.html(snippets.get(i))));
		}
		return new Found(people, shown, results.total(), null);
	}

	/**
	 * The entities whose name, aliases or bio match, with the matches marked. Everything
	 * shown is public metadata the editors wrote (never a quote or a mention), so it is
	 * the same for every reader.
	 */
	private List<EntityResult> entities(String query) {
		List<Entity> found = entities.search(query, ENTITY_LIMIT);
		if (found.isEmpty()) {
			return List.of();
		}
		List<String> names = search.titles(query,
				found.stream().map(entity -> Marks.withoutMarks(entity.name())).toList());
		List<String> bios = found.stream().map(entity -> Marks.withoutMarks(entity.bio())).toList();
		List<String> wholeBios = search.titles(query, bios);
		List<String> cutBios = search.snippets(query, bios);
		List<EntityResult> shown = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			Entity entity = found.get(i);
			shown.add(new EntityResult("/who/" + entity.slug(), Marks.html(names.get(i)), entity.kind().label(),
					String.join(", ", entity.aliases()),
					Marks.html(bios.get(i).length() <= WHOLE_BIO ? wholeBios.get(i) : cutBios.get(i))));
		}
		return shown;
	}

	/**
	 * The plain text this reader may read of the article, as the access gate hands it
	 * out.
	 */
	private String snippetSource(Article article, Reader reader) {
		String text = Jsoup.parse(gate.openForSearch(article, reader).bodyHtml()).text();
		return Marks
			.withoutMarks(text.length() > SNIPPET_SOURCE_CHARS ? text.substring(0, SNIPPET_SOURCE_CHARS) : text);
	}

}
