package org.backstory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;

/**
 * Articles with words no other article has, published for a search test and taken back
 * after it.
 */
final class SearchFixtures {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final String RUN = letters(ThreadLocalRandom.current().nextInt(1 << 20));

	private final ArticleEditor editor;

	private final SystemPublisher systemPublisher;

	private final String author;

	private final List<Long> published = new ArrayList<>();

	SearchFixtures(ArticleEditor editor, SystemPublisher systemPublisher, TaxonomyCreator taxonomyCreator) {
		this.editor = editor;
		this.systemPublisher = systemPublisher;
		this.author = taxonomyCreator.createAuthor(ArticleFixtures.unique("search-author"), "Search Tester", "", null)
			.slug();
	}

	/**
	 * A word of letters only (the text search parser keeps it whole) that no other test
	 * uses.
	 */
	static String word(String stem) {
		return stem + RUN + letters(COUNTER.incrementAndGet());
	}

	private static String letters(int number) {
		StringBuilder letters = new StringBuilder();
		int rest = number;
		do {
			letters.append((char) ('a' + rest % 26));
			rest /= 26;
		}
		while (rest > 0);
		return letters.toString();
	}

	/** Publishes an article now and remembers it to take it back. */
	long publish(String title, String dek, String body, Visibility visibility, List<String> tags) {
		long id = save(title, dek, body, visibility, tags);
		systemPublisher.publishNow(id);
		return id;
	}

	/** Saves a draft. */
	long save(String title, String dek, String body, Visibility visibility, List<String> tags) {
		return save(new ArticleDraft(null, ArticleFixtures.unique("search"), title, dek, body, List.of(author), tags,
				null, null, null, visibility));
	}

	/** Saves a draft of its own making. */
	long save(ArticleDraft draft) {
		long id = editor.save(draft);
		published.add(id);
		return id;
	}

	/** Publishes an article of its own making now. */
	long publish(ArticleDraft draft) {
		long id = save(draft);
		systemPublisher.publishNow(id);
		return id;
	}

	/** The byline's author slug every article here gets by default. */
	String author() {
		return author;
	}

	/** Takes every article of this test off the site. */
	void unpublishAll() {
		published.forEach(systemPublisher::unpublish);
		published.clear();
	}

}
