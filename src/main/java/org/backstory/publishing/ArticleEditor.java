package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of an article's content: its text, slug and old slugs, used by the demo
 * seeder, imports and (through {@link ArticleDesk}, which checks the staff member) the
 * admin editor. Publishing is not here: staff publish through
 * {@link ArticleDesk#publish}, the system through {@link SystemPublisher}. Every method
 * is one transaction: it either does all of its work or, on an
 * {@link InvalidArticleException}, none of it. Readers see the result as soon as it
 * commits. A live article's change and a deletion are published as
 * {@link PublishedArticleEdited} and {@link ArticleDeleted} inside the transaction.
 */
@Service
public class ArticleEditor {

	private static final Logger log = LoggerFactory.getLogger(ArticleEditor.class);

	private final ArticleRepository articles;

	private final SlugAliasRepository aliases;

	private final CatalogCache cache;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final EntityMentions mentions;

	private final ArticleRenderer renderer = new ArticleRenderer();

	private final PublicationService publication;

	ArticleEditor(ArticleRepository articles, SlugAliasRepository aliases, CatalogCache cache, Clock clock,
			ApplicationEventPublisher events, EntityMentions mentions, PublicationService publication) {
		this.articles = articles;
		this.aliases = aliases;
		this.publication = publication;
		this.mentions = mentions;
		this.cache = cache;
		this.clock = clock;
		this.events = events;
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
		Map<String, Long> authors = articles.authorIds(draft.authorSlugs());
		draft.authorSlugs()
			.stream()
			.filter(slug -> !authors.containsKey(slug))
			.forEach(slug -> problems.add("There is no author '" + slug + "'."));
		Map<String, Long> tags = articles.tagIds(draft.tagSlugs());
		draft.tagSlugs()
			.stream()
			.filter(slug -> !tags.containsKey(slug))
			.forEach(slug -> problems.add("There is no tag '" + slug + "'."));
		Long storylineId = draft.storylineSlug() == null ? null
				: articles.storylineId(draft.storylineSlug()).orElse(null);
		if (draft.storylineSlug() != null && storylineId == null) {
			problems.add("There is no storyline '" + draft.storylineSlug() + "'.");
		}
		ArticleRepository.Current current = draft.id() == null ? null : existing(draft.id());
		boolean wasLive = current != null && articles.live(current.id(), clock.instant());
		long self = current == null ? -1 : current.id();
		articles.slugOwner(draft.slug())
			.filter(owner -> owner != self)
			.ifPresent(owner -> problems.add("The slug '" + draft.slug() + "' is already used by another article."));
		Integer position = null;
		if (storylineId != null) {
			position = draft.storylinePosition() != null ? draft.storylinePosition()
					: articles.nextPosition(storylineId, self);
			Integer part = position;
			articles.storylinePartOwner(storylineId, position, self)
				.ifPresent(other -> problems.add("Part " + part + " of the storyline '" + draft.storylineSlug()
						+ "' is already '" + other + "'."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidArticleException(problems);
		}
		HouseText text = draft.text().withoutControls();
		RenderedBody body = renderer.render(text, draft.visibility().gated(), publication.labels());
		Instant now = clock.instant();
		ArticleRepository.Content content = new ArticleRepository.Content(draft, body, storylineId, position);
		long id;
		try {
			if (current == null) {
				id = articles.insertArticle(content, now);
			}
			else {
				id = current.id();
				articles.updateArticle(id, content, now);
				keepOldSlug(current, draft.slug(), now);
			}
			aliases.releaseAlias(draft.slug());
			articles.replaceBylines(id, draft.authorSlugs().stream().map(authors::get).toList(),
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

	/** Deletes the article; its revisions, old slugs, bylines and tags go with it. */
	void delete(long id) {
		events.publishEvent(new ArticleDeleted(id, articles.status(id, clock.instant())));
		articles.delete(id);
		cache.invalidate();
		log.info("Article deleted id={}", id);
	}

	/**
	 * Gives the article a new slug; if it has been published or scheduled, the old slug
	 * keeps redirecting.
	 * @throws InvalidArticleException if the slug is malformed or taken, or there is no
	 * such article
	 */
	@Transactional
	public void changeSlug(long id, String newSlug) {
		EditorialRules.check(EditorialRules.slugProblem("The article's slug", newSlug));
		ArticleRepository.Current current = existing(id);
		if (articles.slugOwner(newSlug).filter(owner -> owner != id).isPresent()) {
			throw new InvalidArticleException("The slug '" + newSlug + "' is already used by another article.");
		}
		Instant now = clock.instant();
		articles.setSlug(id, newSlug, now);
		keepOldSlug(current, newSlug, now);
		aliases.releaseAlias(newSlug);
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
		ArticleRepository.Current current = existing(id);
		Instant now = clock.instant();
		List<String> kept = oldSlugs.stream()
			.filter(slug -> EditorialRules.slugProblem("The old slug", slug).isEmpty())
			.filter(slug -> articles.slugOwner(slug).isEmpty())
			.filter(slug -> aliases.addAliasIfFree(slug, current.id(), now))
			.toList();
		if (!kept.isEmpty()) {
			cache.invalidate();
		}
		return kept;
	}

	/** The most recently changed articles, drafts included, for staff. */
	@Transactional(readOnly = true)
	public List<ArticleStatusLine> latestForStaff(int limit) {
		return articles.latest(limit);
	}

	/** One article whatever its status, for staff. */
	@Transactional(readOnly = true)
	public Optional<ArticleStatusLine> statusOf(long id) {
		return articles.statusOf(id);
	}

	/**
	 * The id of the article with this current slug, whatever its status (for idempotent
	 * seeding).
	 */
	@Transactional(readOnly = true)
	public Optional<Long> idOfSlug(String slug) {
		return articles.slugOwner(slug);
	}

	private ArticleRepository.Current existing(long id) {
		return articles.lock(id)
			.orElseThrow(() -> new InvalidArticleException("There is no article with id " + id + "."));
	}

	private void keepOldSlug(ArticleRepository.Current current, String newSlug, Instant now) {
		if (!current.slug().equals(newSlug) && !current.draft()) {
			aliases.addAlias(current.slug(), current.id(), now);
		}
	}

}
