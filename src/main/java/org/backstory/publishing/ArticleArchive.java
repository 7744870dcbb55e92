package org.backstory.publishing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

/**
 * Everything the publishing module keeps, for the owner's export: every article (drafts,
 * scheduled and email-only ones included) a chunk at a time, so thousands of long
 * articles never sit in memory together, and the authors, tags, storylines, storyline
 * events and entities whole. Everything comes in id order, so two exports of an unchanged
 * site list the same things in the same order. Run it inside one read-only transaction
 * for a consistent snapshot.
 */
@Service
public class ArticleArchive {

	/** Articles read per query: bodies are up to 200,000 characters each. */
	static final int CHUNK = 100;

	private final ArchiveRepository repository;

	private final StorylineEventRepository events;

	private final EntityRepository entities;

	ArticleArchive(ArchiveRepository repository, StorylineEventRepository events, EntityRepository entities) {
		this.repository = repository;
		this.events = events;
		this.entities = entities;
	}

	/** Hands every article to {@code article}, by id. */
	public void forEachArticle(Consumer<ArchivedArticle> article) {
		long after = 0;
		List<ArchivedArticle> chunk;
		do {
			chunk = repository.articlesAfter(after, CHUNK);
			chunk.forEach(article);
			if (!chunk.isEmpty()) {
				after = chunk.get(chunk.size() - 1).id();
			}
		}
		while (chunk.size() == CHUNK);
	}

	/** Every author, by id. */
	public List<ArchivedArticle.Author> authors() {
		return repository.authors();
	}

	/** Every tag with its aliases, by id. */
	public List<ArchivedArticle.Tag> tags() {
		return repository.tags();
	}

	/** Every storyline with its aliases, by id. */
	public List<ArchivedArticle.Storyline> storylines() {
		return repository.storylines();
	}

	/** Every storyline event, by id. */
	public List<ArchivedArticle.Event> events() {
		return events.archived();
	}

	/** Every entity with its aliases (sorted) and rejected mentions, by id. */
	public List<ArchivedArticle.KnownEntity> entities() {
		Map<Long, List<Long>> rejected = entities.rejectionsByEntity();
		return entities.all()
			.stream()
			.sorted(Comparator.comparingLong(Entity::id))
			.map(entity -> new ArchivedArticle.KnownEntity(entity, rejected.getOrDefault(entity.id(), List.of()),
					entities.createdAt(entity.id())))
			.toList();
	}

}
