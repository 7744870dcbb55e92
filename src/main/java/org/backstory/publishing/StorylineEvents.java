package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.backstory.shared.StaffActions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A storyline's dated events: editors add, change and delete them; readers see them on
 * the storyline's timeline and, condensed, as "the story so far" on its articles. A
 * change is audited and shows on every page at once (the catalog's cache is dropped, and
 * with it every article page's cached facts).
 */
@Service
public class StorylineEvents {

	/** How many events "the story so far" keeps. */
	public static final int STORY_SO_FAR = 5;

	private final StorylineEventRepository repository;

	private final ArticleCatalogRepository reader;

	private final CatalogCache cache;

	private final StaffActions staffActions;

	private final Clock clock;

	StorylineEvents(StorylineEventRepository repository, ArticleCatalogRepository reader, CatalogCache cache,
			StaffActions staffActions, Clock clock) {
		this.repository = repository;
		this.reader = reader;
		this.cache = cache;
		this.staffActions = staffActions;
		this.clock = clock;
	}

	/** Every event of the storyline, oldest first, for its editors. */
	@Transactional(readOnly = true)
	public List<StorylineEvent> events(long storylineId) {
		return repository.ofStoryline(storylineId);
	}

	/** One event of the storyline. */
	@Transactional(readOnly = true)
	public Optional<StorylineEvent> event(long storylineId, long eventId) {
		return repository.event(storylineId, eventId);
	}

	/** The event as its edit form shows it. */
	@Transactional(readOnly = true)
	public EventDraft draftOf(StorylineEvent event) {
		String article = event.articleId() == null ? "" : repository.articleSlug(event.articleId()).orElse("");
		String sources = String.join("\n",
				event.sources()
					.stream()
					.map(source -> source.label().isEmpty() ? source.url() : source.url() + " " + source.label())
					.toList());
		return new EventDraft(event.date().written(), event.summary(), event.quote(), event.speaker(), sources, article,
				event.key());
	}

	/**
	 * A new event covering article {@code articleId}, as the form offers it once the
	 * article is published: dated the day it was published (today for a draft), summed up
	 * by its dek or else its title.
	 */
	@Transactional(readOnly = true)
	public Optional<EventDraft> draftCovering(long articleId) {
		return repository.coveringDraft(articleId, clock.instant());
	}

	/**
	 * Whether an event already covers article {@code articleId}, so the editor need not
	 * be offered to add one.
	 */
	@Transactional(readOnly = true)
	public boolean covered(long articleId) {
		return repository.covers(articleId);
	}

	/**
	 * Adds an event to storyline {@code storylineId} (which the caller has found).
	 * @throws InvalidArticleException if a field is not acceptable; nothing is written
	 */
	@Transactional
	public StorylineEvent add(long actorId, long storylineId, EventDraft draft) {
		CheckedEvent checked = EventRules.check(draft, repository::articleId);
		long id = repository.insert(storylineId, checked, clock.instant());
		changed(actorId, "storyline.event-added", storylineId, id, checked.summary());
		return repository.event(storylineId, id).orElseThrow();
	}

	/**
	 * The storyline's events that are new to a reader whose last read of it was at
	 * {@code lastRead}: recorded after it, and not entirely over before its day (an event
	 * dated "2019" that an editor fills in today is history, not news; "March 2026" added
	 * after a read on 15 March may be news). Oldest first; empty for an unknown slug.
	 */
	@Transactional(readOnly = true)
	public List<StorylineEvent> newSince(String storylineSlug, Instant lastRead) {
		return repository.newSince(storylineSlug, lastRead);
	}

	/**
	 * Writes an archived event back ({@link ArchiveRestore}, inside its transaction)
	 * through the same checks as {@link #add}, dated as archived and without an audit
	 * entry (no staff member acts). Its article, if any, must have been restored first.
	 * @return the id it was given
	 * @throws InvalidArticleException if a field is not acceptable
	 */
	long restore(StorylineEvent event, Instant createdAt) {
		CheckedEvent checked = EventRules.check(draftOf(event), repository::articleId);
		long id = repository.insert(event.storylineId(), checked, createdAt);
		cache.invalidate();
		return id;
	}

	/**
	 * Changes an event of storyline {@code storylineId}.
	 * @throws InvalidArticleException if there is no such event or a field is not
	 * acceptable; nothing is written
	 */
	@Transactional
	public StorylineEvent edit(long actorId, long storylineId, long eventId, EventDraft draft) {
		CheckedEvent checked = EventRules.check(draft, repository::articleId);
		if (!repository.update(storylineId, eventId, checked)) {
			throw new InvalidArticleException("There is no such event in this storyline.");
		}
		changed(actorId, "storyline.event-edited", storylineId, eventId, checked.summary());
		return repository.event(storylineId, eventId).orElseThrow();
	}

	/**
	 * Deletes an event of storyline {@code storylineId}.
	 * @throws InvalidArticleException if there is no such event
	 */
	@Transactional
	public void delete(long actorId, long storylineId, long eventId) {
		StorylineEvent event = repository.event(storylineId, eventId)
			.orElseThrow(() -> new InvalidArticleException("There is no such event in this storyline."));
		repository.delete(storylineId, eventId);
		changed(actorId, "storyline.event-deleted", storylineId, eventId, event.summary());
	}

	/**
	 * The storyline's events oldest first, each with its article when that is published;
	 * empty for an unknown slug.
	 */
	public List<LinkedEvent> timeline(String storylineSlug) {
		return cache.get(List.of("storyline-events", storylineSlug), () -> {
			List<StorylineEvent> events = repository.ofStoryline(storylineSlug);
			List<ArticleSummary> articles = reader.summariesInOrder(
					events.stream().map(StorylineEvent::articleId).filter(Objects::nonNull).distinct().toList(),
					clock.instant());
			return events.stream()
				.map(event -> new LinkedEvent(event,
						articles.stream()
							.filter(article -> Objects.equals(article.id(), event.articleId()))
							.findFirst()
							.orElse(null)))
				.toList();
		});
	}

	/**
	 * "The story so far" for article {@code articleId}: the storyline's events dated
	 * before {@code before} (the article's own events left out), condensed to
	 * {@link #STORY_SO_FAR}: key events first, then the most recent; shown oldest first.
	 */
	public List<LinkedEvent> storySoFar(String storylineSlug, long articleId, LocalDate before) {
		return condense(earlier(storylineSlug, articleId, before), STORY_SO_FAR);
	}

	/**
	 * The storyline's events dated before {@code before}, oldest first, leaving out those
	 * article {@code articleId} covers.
	 */
	List<LinkedEvent> earlier(String storylineSlug, long articleId, LocalDate before) {
		return timeline(storylineSlug).stream()
			.filter(linked -> linked.event().date().date().isBefore(before))
			.filter(linked -> !Objects.equals(linked.event().articleId(), articleId))
			.toList();
	}

	/**
	 * Keeps {@code limit} of the events (key events first, then the latest), returned
	 * oldest first.
	 */
	static List<LinkedEvent> condense(List<LinkedEvent> events, int limit) {
		Comparator<LinkedEvent> byDate = Comparator.comparing((LinkedEvent linked) -> linked.event().date().date())
			.thenComparing(linked -> linked.event().id());
		return events.stream()
			.sorted(Comparator.comparing((LinkedEvent linked) -> !linked.event().key())
				.thenComparing(byDate.reversed()))
			.limit(limit)
			.sorted(byDate)
			.toList();
	}

	private void changed(long actorId, String action, long storylineId, long eventId, String summary) {
		staffActions.record(actorId, action, "storyline " + storylineId, "event " + eventId + " \"" + summary + "\"");
		cache.invalidate();
	}

}
