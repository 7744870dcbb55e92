package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of publishing: authors, tags, storylines and articles, used by the demo
 * seeder and the admin editor. Every method is one transaction: it either does all of its
 * work or, on an {@link InvalidArticleException}, none of it. Readers see the result as
 * soon as it commits. Going live, a live article's change, leaving the site, a
 * publication time still to come and a deletion are published as
 * {@link ArticlePublished}, {@link PublishedArticleEdited}, {@link ArticleUnpublished},
 * {@link ArticleScheduled} and {@link ArticleDeleted} inside the transaction.
 */
@Service
public class ArticleEditor {

	private static final Logger log = LoggerFactory.getLogger(ArticleEditor.class);

	private final ArticleWriter writer;

	private final CatalogCache cache;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final EntityMentions mentions;

	private final ArticleRenderer renderer = new ArticleRenderer();

	private final PublicationService publication;

	ArticleEditor(ArticleWriter writer, CatalogCache cache, Clock clock, ApplicationEventPublisher events,
			EntityMentions mentions, PublicationService publication) {
		this.writer = writer;
		this.publication = publication;
		this.mentions = mentions;
		this.cache = cache;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Creates an author. Idempotent by slug: if an author with this slug exists, it is
	 * returned unchanged.
	 * @param memberId the staff user who writes as this author, or null
	 * @throws InvalidArticleException if the slug, name or bio is not acceptable
	 */
	@Transactional
	public Author createAuthor(String slug, String name, String bio, @Nullable Long memberId) {
		check(EditorialRules.slugProblem("The author's slug", slug),
				EditorialRules.nameProblem("The author's name", name, 120), bio.length() > 2000
						? Optional.of("The author's bio must be at most 2000 characters.") : Optional.empty());
		cache.invalidate();
		return writer.insertAuthor(slug, EditorialRules.plain(name), EditorialRules.plain(bio), memberId,
				clock.instant());
	}

	/**
	 * Creates a tag without a description. Idempotent by slug: if a tag with this slug
	 * exists, it is returned unchanged.
	 * @throws InvalidArticleException if the slug or name is not acceptable
	 */
	@Transactional
	public Tag createTag(String slug, String name) {
		return createTag(slug, name, "");
	}

	/**
	 * Creates a tag. Idempotent by slug: if a tag with this slug exists, it is returned
	 * unchanged.
	 * @throws InvalidArticleException if the slug, name or description is not acceptable
	 */
	@Transactional
	public Tag createTag(String slug, String name, String description) {
		String plainDescription = EditorialRules.plain(description);
		check(EditorialRules.slugProblem("The tag's slug", slug),
				EditorialRules.nameProblem("The tag's name", name, 80),
				EditorialRules.tagDescriptionProblem(plainDescription));
		cache.invalidate();
		return writer.insertTag(slug, EditorialRules.plain(name), plainDescription, clock.instant());
	}

	/**
	 * Creates a storyline. Idempotent by slug: if a storyline with this slug exists, it
	 * is returned unchanged.
	 * @throws InvalidArticleException if the slug, title or description is not acceptable
	 */
	@Transactional
	public Storyline createStoryline(String slug, String title, String description) {
		check(EditorialRules.slugProblem("The storyline's slug", slug),
				EditorialRules.nameProblem("The storyline's title", title, 200),
				description.length() > 2000
						? Optional.of("The storyline's description must be at most 2000 characters.")
						: Optional.empty());
		cache.invalidate();
		return writer.insertStoryline(slug, EditorialRules.plain(title), EditorialRules.plain(description),
				clock.instant());
	}

	/**
	 * What is wrong with the draft's own fields, as {@link #save} would refuse them,
	 * without looking up its authors, tags, storyline or slug: for checking a whole
	 * archive before importing it.
	 */
	public List<String> problems(ArticleDraft draft) {
		List<String> problems = new ArrayList<>(EditorialRules.problems(draft));
		problems.addAll(renderer.markerProblems(draft.text(), draft.visibility().gated()));
		return problems;
	}

	/**
	 * Creates an article as a draft ({@code draft.id() == null}) or replaces an existing
	 * article's content, keeping its status and publication time. The body is rendered
	 * and split into preview and gated halves here, with the publication's section labels
	 * (see {@link ArticleDraft#bodyMarkdown()} and
	 * {@link ArticleDraft#backgroundMarkdown()} for where the split falls; a gated piece
	 * in the house format with the paywall marker in its opening or background is
	 * refused). If a published or scheduled article's slug changes, the old slug keeps
	 * answering with a redirect to the new one.
	 * @return the article's id
	 * @throws InvalidArticleException listing every problem found (nothing is written)
	 */
	@Transactional
	public long save(ArticleDraft draft) {
		List<String> problems = new ArrayList<>(problems(draft));
		Map<String, Long> authors = writer.authorIds(draft.authorSlugs());
		draft.authorSlugs()
			.stream()
			.filter(slug -> !authors.containsKey(slug))
			.forEach(slug -> problems.add("There is no author '" + slug + "'."));
		Map<String, Long> tags = writer.tagIds(draft.tagSlugs());
		draft.tagSlugs()
			.stream()
			.filter(slug -> !tags.containsKey(slug))
			.forEach(slug -> problems.add("There is no tag '" + slug + "'."));
		Long storylineId = draft.storylineSlug() == null ? null
				: writer.storylineId(draft.storylineSlug()).orElse(null);
		if (draft.storylineSlug() != null && storylineId == null) {
			problems.add("There is no storyline '" + draft.storylineSlug() + "'.");
		}
		ArticleWriter.Current current = draft.id() == null ? null : existing(draft.id());
		boolean wasLive = current != null && writer.live(current.id(), clock.instant());
		long self = current == null ? -1 : current.id();
		writer.slugOwner(draft.slug())
			.filter(owner -> owner != self)
			.ifPresent(owner -> problems.add("The slug '" + draft.slug() + "' is already used by another article."));
		Integer position = null;
		if (storylineId != null) {
			position = draft.storylinePosition() != null ? draft.storylinePosition()
					: writer.nextPosition(storylineId, self);
			Integer part = position;
			writer.storylinePartOwner(storylineId, position, self)
				.ifPresent(other -> problems.add("Part " + part + " of the storyline '" + draft.storylineSlug()
						+ "' is already '" + other + "'."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidArticleException(problems);
		}
		HouseText text = draft.text().withoutControls();
		RenderedBody body = renderer.render(text, draft.visibility().gated(), publication.labels());
		Instant now = clock.instant();
		ArticleWriter.Content content = new ArticleWriter.Content(draft, body, storylineId, position);
		long id;
		try {
			if (current == null) {
				id = writer.insertArticle(content, now);
			}
			else {
				id = current.id();
				writer.updateArticle(id, content, now);
				keepOldSlug(current, draft.slug(), now);
			}
			writer.releaseAlias(draft.slug());
			writer.replaceBylines(id, draft.authorSlugs().stream().map(authors::get).toList(),
					draft.tagSlugs().stream().map(tags::get).toList());
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidArticleException(
					"Another change took the same slug or storyline part a moment ago; try again.");
		}
		mentions.record(id, renderer.cut(text, draft.visibility().gated()));
		cache.invalidate();
		if (wasLive) {
			events.publishEvent(new PublishedArticleEdited(id));
		}
		log.info("Article saved id={} slug={} visibility={}", id, draft.slug(),
				draft.visibility().level().name().toLowerCase(Locale.ROOT));
		return id;
	}

	/**
	 * Publishes the article on the site at {@code at}: at once if that time has come,
	 * otherwise it is scheduled and appears by itself then. Also changes the publication
	 * time of an article already published, and puts an email-only article on the site.
	 * @throws InvalidArticleException if there is no such article
	 */
	@Transactional
	public void publish(long id, Instant at) {
		publish(id, at, true);
	}

	/**
	 * Publishes the article at {@code at}, on the site or, with {@code onSite} false, for
	 * email only: then it is on no page, list, feed or sitemap and leaves no part number
	 * in its storyline, but a newsletter send still finds it
	 * ({@link ArticleCatalog#forSending}). Publishing it again with {@code onSite} true
	 * puts it on the site.
	 * @throws InvalidArticleException if there is no such article
	 */
	@Transactional
	public void publish(long id, Instant at, boolean onSite) {
		publish(id, at, onSite, true);
	}

	/**
	 * Publishes an article brought in from another platform's archive as
	 * {@link #publish(long, Instant, boolean)} does, but does not announce it as
	 * published now: an import of thousands of old posts is not news, and Ghost fires no
	 * webhooks during imports either. A scheduled one is still announced when its time
	 * comes.
	 * @throws InvalidArticleException if there is no such article
	 */
	@Transactional
	public void publishImported(long id, Instant at, boolean onSite) {
		publish(id, at, onSite, false);
	}

	private void publish(long id, Instant at, boolean onSite, boolean announce) {
		Instant now = clock.instant();
		boolean wasLive = writer.live(id, now);
		boolean scheduled = at.isAfter(now);
		writer.setPublication(id, scheduled ? "scheduled" : "published", at, onSite);
		cache.invalidate();
		boolean live = !scheduled && onSite;
		if (announce && live) {
			events.publishEvent(wasLive ? new PublishedArticleEdited(id) : new ArticlePublished(id));
		}
		else if (announce && wasLive) {
			events.publishEvent(new ArticleUnpublished(id, scheduled ? "scheduled" : "sent"));
		}
		// A scheduled article is announced when its time comes, however it came in.
		if (scheduled && onSite) {
			events.publishEvent(new ArticleScheduled(id, at));
		}
		log.info("Article published id={} at={} onSite={} announced={}", id, at, onSite, announce);
	}

	/** Publishes the article now. */
	@Transactional
	public void publishNow(long id) {
		publish(id, clock.instant());
	}

	/**
	 * Schedules the article to appear at {@code at}, which must be in the future.
	 * @throws InvalidArticleException if {@code at} has passed or there is no such
	 * article
	 */
	@Transactional
	public void schedule(long id, Instant at) {
		if (!at.isAfter(clock.instant())) {
			throw new InvalidArticleException("A scheduled time must be in the future.");
		}
		publish(id, at);
	}

	/** Deletes the article; its revisions, old slugs, bylines and tags go with it. */
	void delete(long id) {
		events.publishEvent(new ArticleDeleted(id, writer.status(id, clock.instant())));
		writer.delete(id);
		cache.invalidate();
		log.info("Article deleted id={}", id);
	}

	/** Takes the article back to draft: it disappears from every page, feed and list. */
	@Transactional
	public void unpublish(long id) {
		boolean wasLive = writer.live(id, clock.instant());
		writer.setPublication(id, "draft", null, true);
		cache.invalidate();
		if (wasLive) {
			events.publishEvent(new ArticleUnpublished(id, "draft"));
		}
		log.info("Article unpublished id={}", id);
	}

	/**
	 * Gives the article a new slug; if it has been published or scheduled, the old slug
	 * keeps redirecting.
	 * @throws InvalidArticleException if the slug is malformed or taken, or there is no
	 * such article
	 */
	@Transactional
	public void changeSlug(long id, String newSlug) {
		check(EditorialRules.slugProblem("The article's slug", newSlug));
		ArticleWriter.Current current = existing(id);
		if (writer.slugOwner(newSlug).filter(owner -> owner != id).isPresent()) {
			throw new InvalidArticleException("The slug '" + newSlug + "' is already used by another article.");
		}
		Instant now = clock.instant();
		writer.setSlug(id, newSlug, now);
		keepOldSlug(current, newSlug, now);
		writer.releaseAlias(newSlug);
		cache.invalidate();
	}

	/**
	 * Makes old slugs (from an import) redirect to the article, like a slug it was
	 * renamed from. A slug that is malformed, is an article's current slug or already
	 * redirects elsewhere is left alone, so an import never takes an address from another
	 * article.
	 * @return the slugs that now redirect to it
	 */
	@Transactional
	public List<String> keepOldSlugs(long id, Collection<String> oldSlugs) {
		ArticleWriter.Current current = existing(id);
		Instant now = clock.instant();
		List<String> kept = oldSlugs.stream()
			.filter(slug -> EditorialRules.slugProblem("The old slug", slug).isEmpty())
			.filter(slug -> writer.slugOwner(slug).isEmpty())
			.filter(slug -> writer.addAliasIfFree(slug, current.id(), now))
			.toList();
		if (!kept.isEmpty()) {
			cache.invalidate();
		}
		return kept;
	}

	/** The most recently changed articles, drafts included, for staff. */
	@Transactional(readOnly = true)
	public List<ArticleStatusLine> latestForStaff(int limit) {
		return writer.latest(limit);
	}

	/** One article whatever its status, for staff. */
	@Transactional(readOnly = true)
	public Optional<ArticleStatusLine> statusOf(long id) {
		return writer.statusOf(id);
	}

	/**
	 * The id of the article with this current slug, whatever its status (for idempotent
	 * seeding).
	 */
	@Transactional(readOnly = true)
	public Optional<Long> idOfSlug(String slug) {
		return writer.slugOwner(slug);
	}

	private ArticleWriter.Current existing(long id) {
		return writer.lock(id)
			.orElseThrow(() -> new InvalidArticleException("There is no article with id " + id + "."));
	}

	private void keepOldSlug(ArticleWriter.Current current, String newSlug, Instant now) {
		if (!current.slug().equals(newSlug) && !current.draft()) {
			writer.addAlias(current.slug(), current.id(), now);
		}
	}

	@SafeVarargs
	private static void check(Optional<String>... problems) {
		List<String> found = Arrays.stream(problems).flatMap(Optional::stream).toList();
		if (!found.isEmpty()) {
			throw new InvalidArticleException(found);
		}
	}

}
