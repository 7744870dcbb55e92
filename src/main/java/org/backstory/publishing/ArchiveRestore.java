package org.backstory.publishing;

import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restores Backstory's own export into an empty publication with the exported ids and
 * times, so a re-export is the same file. Each row is written by the editor's ordinary
 * path (checks, rendering, revisions) with its table's identity sequence set to hand out
 * the archived id; then its times are put back and, at the end, every sequence is moved
 * past the largest id. Only for a publication with no articles, authors, tags, storylines
 * or entities ({@link #empty}), so no archived id can meet a row made here. Authors,
 * tags, storylines, entities and events come as the export reads them
 * ({@link ArchivedArticle}'s records); mentions and quotes are derived again by each
 * article's save.
 */
@Component
public class ArchiveRestore {

	/**
	 * An article's times and editor switch as exported, put back after it has been
	 * written.
	 */
	public record RestoredStamps(long id, Instant createdAt, Instant updatedAt, boolean authorMayPublish) {
	}

	private static final List<String> TABLES = List.of("article", "author", "tag", "storyline", "storyline_event",
			"entity");

	private final Entities entities;

	private final EntityRepository entityRepository;

	private final EntityMentions mentions;

	private final StorylineEvents events;

	private final CatalogCache cache;

	private final ArchiveRestoreRepository repository;

	private final TaxonomyCreator taxonomy;

	ArchiveRestore(Entities entities, EntityRepository entityRepository, EntityMentions mentions,
			StorylineEvents events, CatalogCache cache, ArchiveRestoreRepository repository, TaxonomyCreator taxonomy) {
		this.taxonomy = taxonomy;
		this.entities = entities;
		this.entityRepository = entityRepository;
		this.mentions = mentions;
		this.events = events;
		this.cache = cache;
		this.repository = repository;
	}

	/**
	 * Whether the publication has no articles, authors, tags, storylines (so no events)
	 * or entities, so archived ids can be kept.
	 */
	@Transactional(readOnly = true)
	public boolean empty() {
		return repository.empty();
	}

	/**
	 * Writes an entity with its aliases, before the articles, so that saving each article
	 * finds its mentions and quotes (also in articles saved before the entity existed on
	 * the old site, which that site never re-scanned).
	 * @throws InvalidArticleException if the entity is not acceptable
	 */
	@Transactional
	public void entity(ArchivedArticle.KnownEntity known) {
		Entity entity = known.entity();
		withId("entity", entity.id(),
				() -> entities.seed(entity.kind().code(), entity.slug(), entity.name(), entity.bio(), entity.aliases())
					.id());
		stamp("entity", entity.id(), known.createdAt());
	}

	/**
	 * Puts back, after the articles, what refers to them: each entity's rejected mentions
	 * (the article's mentions are then found again without it) and the storyline events
	 * with their covering articles.
	 * @throws InvalidArticleException if an event is not acceptable, or an id was taken
	 * meanwhile
	 */
	@Transactional
	public void afterArticles(List<ArchivedArticle.KnownEntity> known, List<ArchivedArticle.Event> archived) {
		for (ArchivedArticle.KnownEntity entity : known) {
			for (long articleId : entity.rejectedIn()) {
				if (entityRepository.source(articleId).isPresent()) {
					entityRepository.reject(articleId, entity.entity().id());
					mentions.recordAgain(articleId);
				}
			}
		}
		for (ArchivedArticle.Event event : archived) {
			withId("storyline_event", event.event().id(), () -> events.restore(event.event(), event.createdAt()));
		}
	}

	/**
	 * @throws InvalidArticleException if the author is not acceptable
	 */
	@Transactional
	public void author(ArchivedArticle.Author author) {
		withId("author", author.id(),
				() -> taxonomy.createAuthor(author.slug(), author.name(), author.bio(), author.memberId()).id());
		stamp("author", author.id(), author.createdAt());
	}

	/**
	 * @throws InvalidArticleException if the tag is not acceptable
	 */
	@Transactional
	public void tag(ArchivedArticle.Tag tag) {
		withId("tag", tag.id(), () -> taxonomy.createTag(tag.slug(), tag.name(), tag.description()).id());
		stamp("tag", tag.id(), tag.createdAt());
		aliases("tag", tag.id(), tag.aliases(), tag.createdAt());
	}

	/**
	 * @throws InvalidArticleException if the storyline is not acceptable
	 */
	@Transactional
	public void storyline(ArchivedArticle.Storyline storyline) {
		withId("storyline", storyline.id(),
				() -> taxonomy.createStoryline(storyline.slug(), storyline.title(), storyline.description()).id());
		stamp("storyline", storyline.id(), storyline.createdAt());
		aliases("storyline", storyline.id(), storyline.aliases(), storyline.createdAt());
	}

	/**
	 * Writes one article through {@code save} (which returns the id the editor gave it)
	 * with the archived id.
	 * @throws InvalidArticleException if the article is refused, or the id was taken
	 * meanwhile
	 */
	@Transactional
	public long article(long id, LongSupplier save) {
		withId("article", id, save);
		return id;
	}

	/**
	 * Puts back the articles' times and editor switches (after everything that touches
	 * them was written) and moves every identity sequence past the largest id.
	 */
	@Transactional
	public void finish(List<RestoredStamps> articles) {
		for (RestoredStamps stamps : articles) {
			repository.restoreStamps(stamps);
		}
		for (String table : TABLES) {
			repository.moveSequencePastLargest(table);
		}
		cache.invalidate();
	}

	/**
	 * Runs {@code insert} with the table's identity sequence handing out {@code id} next.
	 */
	private void withId(String table, long id, LongSupplier insert) {
		repository.nextId(table, id);
		long written = insert.getAsLong();
		if (written != id) {
			throw new InvalidArticleException("The " + table + " with id " + id
					+ " could not keep its id (the publication is no longer empty); nothing was imported.");
		}
	}

	private void stamp(String table, long id, Instant createdAt) {
		repository.stamp(table, id, createdAt);
	}

	private void aliases(String table, long id, List<String> aliases, Instant at) {
		aliases.stream()
			.filter(slug -> EditorialRules.slugProblem("The old slug", slug).isEmpty())
			.forEach(slug -> repository.addAliasIfFree(table, slug, id, at));
	}

}
