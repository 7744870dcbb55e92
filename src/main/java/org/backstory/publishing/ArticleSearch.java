package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over published articles on the site (PostgreSQL text search, accents
 * ignored, in the publication's search language). A reader matches a gated article's
 * whole text only within the {@link SearchReach} the access module gave them, otherwise
 * only its title, dek, tags and free preview: a word that appears only in the gated half
 * finds nothing for them. The articles returned still carry their gated halves as
 * {@link GatedBody}, for the access module to open.
 */
@Service
public class ArticleSearch {

	/**
	 * Marks the start of a match in {@link #titles} and {@link #snippets} (a private-use
	 * character).
	 */
	public static final char MATCH_START = '\uE000';

	/** Marks the end of a match in {@link #titles} and {@link #snippets}. */
	public static final char MATCH_END = '\uE001';

	/**
	 * Matches beyond this many are not counted: {@link SearchResults#total()} is then
	 * this plus one.
	 */
	public static final int COUNT_LIMIT = ArticleSearchRepository.COUNT_LIMIT;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

	private static final int MAX_SUGGESTED_WORDS = 6;

	private final ArticleSearchRepository repository;

	private final ArticleCatalogRepository reader;

	private final Clock clock;

	ArticleSearch(ArticleSearchRepository repository, ArticleCatalogRepository reader, Clock clock) {
		this.repository = repository;
		this.reader = reader;
		this.clock = clock;
	}

	/**
	 * One page of the articles that match, with how many match in all; none for a query
	 * with nothing to look for.
	 */
	@Transactional(readOnly = true)
	public SearchResults search(SearchRequest request) {
		if (!repository.searchable(request.query())) {
			return SearchResults.none();
		}
		Instant now = clock.instant();
		ArticleSearchRepository.Page page = repository.find(request, now);
		if (page.ids().isEmpty()) {
			return new SearchResults(List.of(), page.total());
		}
		Map<Long, Article> byId = reader
			.find(new ArticleFilter.IdIn(Set.copyOf(page.ids())), ArticleOrder.newestFirst(), page.ids().size(), 0, now)
			.stream()
			.collect(Collectors.toMap(Article::id, Function.identity()));
		List<Article> articles = page.ids().stream().map(byId::get).filter(article -> article != null).toList();
		return new SearchResults(articles, page.total());
	}

	/**
	 * A query like {@code query} with each word that no published title, tag or author
	 * name contains replaced by the closest one that does, if that finds something within
	 * {@code reach}: "did you mean" for a search that found nothing. Looks only at what
	 * anyone may read.
	 */
	@Transactional(readOnly = true)
	public Optional<String> didYouMean(String query, SearchReach reach) {
		Instant now = clock.instant();
		Matcher words = WORD.matcher(query);
		StringBuilder suggestion = new StringBuilder();
		Set<String> seen = new HashSet<>();
		boolean changed = false;
		while (words.find()) {
			String word = words.group();
			String replacement = word;
			if (seen.size() < MAX_SUGGESTED_WORDS && seen.add(word)) {
				replacement = repository.closestWord(word.toLowerCase(Locale.ROOT), now)
					.filter(closest -> !closest.equalsIgnoreCase(word))
					.orElse(word);
			}
			changed |= !replacement.equals(word);
			words.appendReplacement(suggestion, Matcher.quoteReplacement(replacement));
		}
		words.appendTail(suggestion);
		String suggested = suggestion.toString();
		if (!changed || search(new SearchRequest(suggested, reach, SearchOrder.RELEVANCE, null, null, null, 1, 0))
			.total() == 0) {
			return Optional.empty();
		}
		return Optional.of(suggested);
	}

	/**
	 * Each title with the query's matches marked by {@link #MATCH_START} and
	 * {@link #MATCH_END}.
	 */
	public List<String> titles(String query, List<String> titles) {
		return repository.headlines(query, titles, true, MATCH_START, MATCH_END);
	}

	/**
	 * Up to two fragments of each text around the query's matches (its opening words when
	 * nothing matches), with the matches marked by {@link #MATCH_START} and
	 * {@link #MATCH_END}. The texts must be plain text the reader may read: the caller
	 * decides what they are.
	 */
	public List<String> snippets(String query, List<String> texts) {
		return repository.headlines(query, texts, false, MATCH_START, MATCH_END);
	}

}
