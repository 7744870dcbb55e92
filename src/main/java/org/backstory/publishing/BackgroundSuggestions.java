package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Suggest background" for the editor: the storyline's earlier events and the most
 * similar earlier articles, each with a linked recap line to insert, and the "stale
 * background" check (events newer than the newest one the background mentions, see
 * {@link StaleBackground}). For staff: the panel may name any published article; recap
 * lines carry only public metadata (dates, event summaries, titles).
 * <p>
 * "Earlier" means before the article's publication time (its day, for events), or now for
 * a draft.
 */
@Service
public class BackgroundSuggestions {

	/** The most similar articles offered. */
	public static final int ARTICLES = 8;

	private final BackgroundSuggestionRepository repository;

	private final StorylineEvents storylineEvents;

	private final EntityMentions mentions;

	private final ArticleCatalogRepository reader;

	private final Clock clock;

	BackgroundSuggestions(BackgroundSuggestionRepository repository, StorylineEvents storylineEvents,
			EntityMentions mentions, ArticleCatalogRepository reader, Clock clock) {
		this.repository = repository;
		this.storylineEvents = storylineEvents;
		this.mentions = mentions;
		this.reader = reader;
		this.clock = clock;
	}

	/** The panel for the article as the form holds it (unsaved changes included). */
	@Transactional(readOnly = true)
	public SuggestedBackground suggest(BackgroundRequest request) {
		Instant now = clock.instant();
		long articleId = request.articleId() == null ? -1 : request.articleId();
		Instant publishedAt = repository.publishedAt(articleId).orElse(now);
		List<SuggestedEvent> events = events(request, articleId, publishedAt);
		Set<Long> entities = mentions.entitiesIn(articleId,
				request.title() + "\n\n" + request.dek() + "\n\n" + request.text().joinedForMatching());
		List<BackgroundSuggestionRepository.Match> matches = repository.similar(articleId,
				repository.storylineId(request.storylineSlug()).orElse(-1L), request.title() + "\n" + request.dek(),
				request.text().joinedForMatching(), request.tagSlugs(), entities,
				publishedAt.isBefore(now) ? publishedAt : now, ARTICLES);
		Map<Long, ArticleSummary> summaries = reader
			.summariesInOrder(matches.stream().map(BackgroundSuggestionRepository.Match::articleId).toList(), now)
			.stream()
			.collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
		List<SuggestedArticle> articles = matches.stream()
			.filter(match -> summaries.containsKey(match.articleId()))
			.map(match -> article(summaries.get(match.articleId()), match))
			.toList();
		return new SuggestedBackground(events, articles, stale(request, events));
	}

	/**
	 * The events a saved article's background has not caught up with, oldest first (for
	 * the publish page).
	 */
	@Transactional(readOnly = true)
	public List<SuggestedEvent> staleEvents(long articleId) {
		return repository.saved(articleId)
			.map(saved -> stale(saved,
					events(saved, articleId, repository.publishedAt(articleId).orElse(clock.instant()))))
			.orElse(List.of());
	}

	private List<SuggestedEvent> events(BackgroundRequest request, long articleId, Instant publishedAt) {
		if (request.storylineSlug() == null || request.storylineSlug().isBlank()) {
			return List.of();
		}
		return storylineEvents
			.earlier(request.storylineSlug(), articleId, LocalDate.ofInstant(publishedAt, ZoneOffset.UTC))
			.stream()
			.map(linked -> SuggestedEvent.of(linked.event(), linked.article() == null ? null : linked.article().slug()))
			.toList();
	}

	private static List<SuggestedEvent> stale(BackgroundRequest request, List<SuggestedEvent> events) {
		return StaleBackground.newerThanBackground(StaleBackground.backgroundOf(request.text()), events);
	}

	private static SuggestedArticle article(ArticleSummary summary, BackgroundSuggestionRepository.Match match) {
		LocalDate published = LocalDate.ofInstant(summary.publishedAt(), ZoneOffset.UTC);
		String href = ArticleLinks.page(summary.slug());
		return new SuggestedArticle(summary.id(), summary.slug(), summary.title(), summary.dek(), published,
				summary.visibility().badge(), match.sharedTags(), match.sharedPeople(), match.textMatch(),
				RecapLines.article(published, summary.title(), href));
	}

}
