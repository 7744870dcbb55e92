package org.backstory.publishing;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

/**
 * Everything the publishing module keeps, for the owner's export: every article (drafts, scheduled and
 * email-only ones included) a chunk at a time, so thousands of long articles never sit in memory together,
 * and the authors, tags and storylines whole. Everything comes in id order, so two exports of an unchanged
 * site list the same things in the same order. Run it inside one read-only transaction for a consistent
 * snapshot.
 */
@Service
public class ArticleArchive {

	/** Articles read per query: bodies are up to 200,000 characters each. */
	static final int CHUNK = 100;

	private final ArchiveRepository repository;

	ArticleArchive(ArchiveRepository repository) {
		this.repository = repository;
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

}
