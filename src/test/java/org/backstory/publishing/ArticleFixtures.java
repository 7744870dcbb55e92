package org.backstory.publishing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intention-named articles for integration tests. The test database is shared and never
 * reset, so every slug made here is unique.
 */
public final class ArticleFixtures {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final String RUN = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);

	private final ArticleEditor editor;

	private final SystemPublisher systemPublisher;

	private final TaxonomyCreator taxonomyCreator;

	public ArticleFixtures(ArticleEditor editor, SystemPublisher systemPublisher, TaxonomyCreator taxonomyCreator) {
		this.editor = editor;
		this.systemPublisher = systemPublisher;
		this.taxonomyCreator = taxonomyCreator;
	}

	/**
	 * Every field of the editor's form at {@code /admin/articles} for a paid article
	 * titled {@code Title of <slug>}, as a browser would post it; the map may be changed.
	 */
	public static Map<String, String> paidArticleForm(String slug, String dek, String body, String authors) {
		Map<String, String> fields = new HashMap<>();
		fields.put("slug", slug);
		fields.put("title", "Title of " + slug);
		fields.put("dek", dek);
		fields.put("body", body);
		fields.put("authors", authors);
		fields.put("tags", "");
		fields.put("storyline", "");
		fields.put("storylinePosition", "");
		fields.put("coverImageUrl", "");
		fields.put("seoTitle", "");
		fields.put("seoDescription", "");
		fields.put("socialImageUrl", "");
		fields.put("visibility", "paid");
		fields.put("tiers", "");
		return fields;
	}

	/** A slug no other test has used, starting with {@code prefix}. */
	public static String unique(String prefix) {
		return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
	}

	public Author author() {
		String slug = unique("author");
		return taxonomyCreator.createAuthor(slug, "Author " + slug, "Writes about " + slug + ".", null);
	}

	public Tag tag() {
		String slug = unique("tag");
		return taxonomyCreator.createTag(slug, "Tag " + slug);
	}

	public Storyline storyline() {
		String slug = unique("story");
		return taxonomyCreator.createStoryline(slug, "Story " + slug, "How " + slug + " unfolded.");
	}

	/**
	 * A draft by a fresh author with a free first paragraph, a marker, and a paid
	 * paragraph.
	 */
	public ArticleDraft draft(Visibility visibility) {
		String slug = unique("article");
		return new ArticleDraft(null, slug, "Title of " + slug, "Dek of " + slug,
				"Free paragraph of " + slug + ".\n\n<!-- paywall -->\n\nGated paragraph of " + slug + ".",
				List.of(author().slug()), List.of(), null, null, null, visibility);
	}

	/** A draft like {@link #draft(Visibility)}, as the next part of the storyline. */
	public ArticleDraft part(Storyline storyline, Visibility visibility) {
		ArticleDraft d = draft(visibility);
		return new ArticleDraft(null, d.slug(), d.title(), d.dek(), d.bodyMarkdown(), d.authorSlugs(), List.of(),
				storyline.slug(), null, null, d.visibility());
	}

	/** Saves and publishes the draft now; returns its id. */
	public long publish(ArticleDraft draft) {
		long id = editor.save(draft);
		systemPublisher.publishNow(id);
		return id;
	}

	/**
	 * A published article with the given visibility; returns its draft (with id) for its
	 * slug and texts.
	 */
	public ArticleDraft published(Visibility visibility) {
		ArticleDraft draft = draft(visibility);
		return draft.withId(publish(draft));
	}

	/**
	 * A published paid or tier article an editor marked as never opened by the
	 * free-article meters; returns its draft (with id).
	 */
	public ArticleDraft publishedMeterExempt(Visibility visibility) {
		ArticleDraft draft = draft(visibility).withMeterExempt(true);
		return draft.withId(publish(draft));
	}

}
