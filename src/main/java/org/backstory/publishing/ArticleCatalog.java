package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

/**
 * The read side of publishing: what readers may find. Only published articles on the site
 * appear here (not a draft, not published for email only, and a publication time that has
 * come, so a scheduled article appears by itself when its time comes);
 * {@link #forSending} is the one exception. Answers are cached briefly in memory; edits
 * made through {@link ArticleEditor} show at once.
 * <p>
 * Lists are newest first unless said otherwise. {@code limit} must be 1 to 500 and
 * {@code offset} at least 0.
 */
@Service
public class ArticleCatalog {

	private static final int MAX_LIMIT = 500;

	private final ArticleCatalogRepository reader;

	private final CatalogCache cache;

	private final RelatedArticlesRepository related;

	private final Clock clock;

	ArticleCatalog(ArticleCatalogRepository reader, CatalogCache cache, RelatedArticlesRepository related,
			Clock clock) {
		this.reader = reader;
		this.cache = cache;
		this.related = related;
		this.clock = clock;
	}

	/**
	 * The published article with this slug, or where it moved to if the slug is an old
	 * one.
	 */
	public Optional<ArticleLookup> bySlug(String slug) {
		return cache.get(List.of("slug", slug), () -> {
			Instant now = clock.instant();
			return reader.article(slug, now)
				.<ArticleLookup>map(ArticleLookup.Found::new)
				.or(() -> reader.currentSlugOfAlias(slug, now).map(ArticleLookup.Moved::new));
		});
	}

	/**
	 * The article with this id for mailing it to a newsletter: published or scheduled (a
	 * scheduled send renders it before it appears on the site), on the site or email
	 * only, never a draft. Not cached, so a send always mails the latest saved text.
	 */
	public Optional<Article> forSending(long id) {
		return reader.forSending(id);
	}

	/**
	 * The article whatever its status (a draft as if published now), for channels that
	 * report changes to other systems; like every {@link Article}, its gated body is
	 * opened only by the access module. Not cached.
	 */
	public Optional<Article> inAnyStatus(long id) {
		return reader.anyStatus(id, clock.instant());
	}

	/** The latest published articles. */
	public List<ArticleSummary> latest(int limit, int offset) {
		checkPage(limit, offset);
		return cache.get(List.of("latest", limit, offset), () -> reader.latest(limit, offset, clock.instant()));
	}

	/**
	 * The latest published articles with their bodies, for the feed (to be opened through
	 * the access module).
	 */
	public List<Article> latestInFull(int limit) {
		checkPage(limit, 0);
		return cache.get(List.of("latest-in-full", limit), () -> reader.latestArticles(limit, clock.instant()));
	}

	/** The latest published articles with this tag; empty for an unknown tag. */
	public List<ArticleSummary> byTag(String tagSlug, int limit, int offset) {
		checkPage(limit, offset);
		return cache.get(List.of("tag-articles", tagSlug, limit, offset),
				() -> reader.byTag(tagSlug, limit, offset, clock.instant()));
	}

	/** The latest published articles by this author; empty for an unknown author. */
	public List<ArticleSummary> byAuthor(String authorSlug, int limit, int offset) {
		checkPage(limit, offset);
		return cache.get(List.of("author-articles", authorSlug, limit, offset),
				() -> reader.byAuthor(authorSlug, limit, offset, clock.instant()));
	}

	/**
	 * The storyline's published articles in story order (part 1 first); empty for an
	 * unknown storyline.
	 */
	public List<ArticleSummary> inStoryline(String storylineSlug) {
		return cache.get(List.of("storyline-articles", storylineSlug),
				() -> reader.inStoryline(storylineSlug, clock.instant()));
	}

	/**
	 * Up to {@code limit} other published articles to read after article
	 * {@code articleId}: the same storyline's first, then those sharing more of its tags,
	 * then those whose title, dek and tags share more words with its own (the search
	 * index's head vector, which holds nothing gated), newest first among equals.
	 */
	public List<ArticleSummary> related(long articleId, int limit) {
		checkPage(limit, 0);
		return cache.get(List.of("related", articleId, limit), () -> {
			Instant now = clock.instant();
			return reader.summariesInOrder(related.related(articleId, limit, now), now);
		});
	}

	/** Every published article, for the sitemap. */
	public List<ArticleSummary> allPublished() {
		return cache.get(List.of("all"), () -> reader.allPublished(clock.instant()));
	}

	/**
	 * One page of the published articles that match {@code filter}, in {@code order},
	 * with how many match in all: for the Content API. Bodies are included, to be opened
	 * through the access module.
	 */
	public ArticleResults find(ArticleFilter filter, ArticleOrder order, int limit, int offset) {
		checkPage(limit, offset);
		return cache.get(List.of("find", filter, order, limit, offset), () -> {
			Instant now = clock.instant();
			return new ArticleResults(reader.find(filter, order, limit, offset, now), reader.count(filter, now));
		});
	}

	/** Every tag with how many published articles carry it, by name. */
	public List<PublishedCount<Tag>> tagsWithCounts() {
		return cache.get(List.of("tags-with-counts"), () -> reader.tagsWithCounts(clock.instant()));
	}

	/** Every author with how many published articles they wrote, by name. */
	public List<PublishedCount<Author>> authorsWithCounts() {
		return cache.get(List.of("authors-with-counts"), () -> reader.authorsWithCounts(clock.instant()));
	}

	/**
	 * A value computed only from this catalog's answers (a serialized API answer, say),
	 * kept while they are and dropped with them, so it never outlives an edit.
	 * {@code key} must name the caller and everything the value depends on.
	 */
	public <T> T derived(List<?> key, Supplier<T> compute) {
		return cache.get(List.of("derived", key), compute);
	}

	/** The tag with this slug, whether or not any published article carries it yet. */
	public Optional<Tag> tag(String slug) {
		return cache.get(List.of("tag", slug), () -> reader.tag(slug));
	}

	/** The author with this slug, whether or not they have a published article yet. */
	public Optional<Author> author(String slug) {
		return cache.get(List.of("author", slug), () -> reader.author(slug));
	}

	/**
	 * Every storyline with how many published articles on the site are parts of it, by
	 * title.
	 */
	public List<PublishedCount<Storyline>> storylinesWithCounts() {
		return cache.get(List.of("storylines-with-counts"), () -> reader.storylinesWithCounts(clock.instant()));
	}

	/** The storyline with this slug, whether or not it has a published article yet. */
	public Optional<Storyline> storyline(String slug) {
		return cache.get(List.of("storyline", slug), () -> reader.storyline(slug));
	}

	/**
	 * The current slug of the tag that used {@code oldSlug} before a rename or merge, for
	 * a redirect.
	 */
	public Optional<String> tagMovedTo(String oldSlug) {
		return cache.get(List.of("tag-moved", oldSlug), () -> reader.tagMovedTo(oldSlug));
	}

	/**
	 * The current slug of the storyline that used {@code oldSlug} before a rename or
	 * merge, for a redirect.
	 */
	public Optional<String> storylineMovedTo(String oldSlug) {
		return cache.get(List.of("storyline-moved", oldSlug), () -> reader.storylineMovedTo(oldSlug));
	}

	private static void checkPage(int limit, int offset) {
		if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " and offset at least 0");
		}
	}

}
