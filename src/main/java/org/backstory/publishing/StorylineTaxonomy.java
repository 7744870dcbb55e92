package org.backstory.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.backstory.shared.StaffActions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff manage storylines: create, rename, merge, and order a storyline's articles. Every
 * change is one transaction, recorded for the audit log, and seen by readers when it
 * commits. A renamed or merged-away slug keeps answering: {@code /story/{old}} redirects
 * to where it went ({@link ArticleCatalog#storylineMovedTo}). Bad input throws
 * {@link InvalidArticleException} with a message for the editor; nothing is written then.
 */
@Service
public class StorylineTaxonomy {

	private final TaxonomyRepository repository;

	private final CatalogCache cache;

	private final StaffActions staffActions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StorylineTaxonomy(TaxonomyRepository repository, CatalogCache cache, StaffActions staffActions,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.cache = cache;
		this.staffActions = staffActions;
		this.events = events;
		this.clock = clock;
	}

	/** Every storyline with its article count, by title. */
	@Transactional(readOnly = true)
	public List<StorylineUsage> storylines() {
		return repository.storylines();
	}

	/** The storyline with this id, with its article count. */
	@Transactional(readOnly = true)
	public Optional<StorylineUsage> storyline(long id) {
		return repository.storyline(id, false);
	}

	/** The storyline's articles in order, drafts and scheduled ones included. */
	@Transactional(readOnly = true)
	public List<StorylinePart> parts(long storylineId) {
		return repository.parts(storylineId);
	}

	/**
	 * Creates a storyline.
	 * @throws InvalidArticleException if the slug, title or description is not acceptable
	 * or the slug is taken
	 */
	@Transactional
	public Storyline createStoryline(long actorId, String slug, String title, String description) {
		checkStoryline(slug, title, description, -1);
		String plainTitle = EditorialRules.plain(title);
		String plainDescription = EditorialRules.plain(description);
		long id = Taxonomy.insertOrRefuse(
				() -> repository.insertStoryline(slug, plainTitle, plainDescription, clock.instant()), "storyline",
				slug);
		repository.releaseStorylineAlias(slug);
		changed(actorId, "storyline.created", "storyline " + id + " \"" + plainTitle + "\"", "slug " + slug);
		return new Storyline(id, slug, plainTitle, plainDescription);
	}

	/**
	 * Changes a storyline's slug, title and description; an old slug redirects to the new
	 * one.
	 * @throws InvalidArticleException if there is no such storyline, a field is not
	 * acceptable or the slug is taken
	 */
	@Transactional
	public Storyline editStoryline(long actorId, long id, String slug, String title, String description) {
		StorylineUsage before = existingStoryline(id);
		checkStoryline(slug, title, description, id);
		String plainTitle = EditorialRules.plain(title);
		String plainDescription = EditorialRules.plain(description);
		Taxonomy.insertOrRefuse(() -> {
			repository.updateStoryline(id, slug, plainTitle, plainDescription);
			return id;
		}, "storyline", slug);
		if (!before.slug().equals(slug)) {
			repository.releaseStorylineAlias(slug);
			repository.aliasStoryline(before.slug(), id, clock.instant());
		}
		changed(actorId, "storyline.edited", "storyline " + id + " \"" + plainTitle + "\"",
				"was \"" + before.title() + "\" (" + before.slug() + "), now " + slug);
		return new Storyline(id, slug, plainTitle, plainDescription);
	}

	/**
	 * Merges storyline {@code fromId} into {@code intoId}: its articles follow the other
	 * storyline's, in their own order; it is deleted and its slug redirects to the other
	 * storyline's page. Other modules move what they keep per storyline
	 * ({@link StorylinesMerged}).
	 * @throws InvalidArticleException if either storyline does not exist or they are the
	 * same storyline
	 */
	@Transactional
	public void mergeStorylines(long actorId, long fromId, long intoId) {
		if (fromId == intoId) {
			throw new InvalidArticleException("A storyline cannot be merged into itself.");
		}
		StorylineUsage from = existingStoryline(fromId);
		StorylineUsage into = existingStoryline(intoId);
		repository.moveArticlesOnto(fromId, intoId);
		repository.renumber(intoId, repository.parts(intoId).stream().map(StorylinePart::articleId).toList());
		repository.deleteStoryline(fromId);
		repository.aliasStoryline(from.slug(), intoId, clock.instant());
		events.publishEvent(new StorylinesMerged(fromId, intoId));
		changed(actorId, "storyline.merged", "storyline " + fromId + " \"" + from.title() + "\"",
				"into storyline " + intoId + " \"" + into.title() + "\", " + from.articles() + " articles");
	}

	/**
	 * Puts an article at {@code position} (from 1; past the end means last) in its
	 * storyline; the others keep their order and every article is numbered 1, 2, 3...
	 * again.
	 * @throws InvalidArticleException if there is no such storyline, the article is not
	 * in it, or the position is below 1
	 */
	@Transactional
	public void moveArticle(long actorId, long storylineId, long articleId, int position) {
		StorylineUsage storyline = existingStoryline(storylineId);
		if (position < 1) {
			throw new InvalidArticleException("Positions in a storyline start at 1.");
		}
		List<StorylinePart> parts = repository.parts(storylineId);
		StorylinePart moved = parts.stream()
			.filter(part -> part.articleId() == articleId)
			.findFirst()
			.orElseThrow(() -> new InvalidArticleException(
					"That article is not in the storyline \"" + storyline.title() + "\"."));
		List<Long> order = new ArrayList<>(parts.stream().map(StorylinePart::articleId).toList());
		order.remove(articleId);
		int index = Math.min(position, parts.size()) - 1;
		order.add(index, articleId);
		repository.renumber(storylineId, order);
		changed(actorId, "storyline.reordered", "storyline " + storylineId + " \"" + storyline.title() + "\"",
				"article " + articleId + " \"" + moved.title() + "\" to part " + (index + 1));
	}

	private void checkStoryline(String slug, String title, String description, long self) {
		EditorialRules.check(EditorialRules.slugProblem("The storyline's slug", slug),
				EditorialRules.nameProblem("The storyline's title", title, 200),
				EditorialRules.plain(description).length() > 2000
						? Optional.of("The storyline's description must be at most 2000 characters.")
						: Optional.empty());
		if (repository.storylineSlugTaken(slug, self)) {
			throw new InvalidArticleException("The slug '" + slug + "' is already used by another storyline.");
		}
	}

	private StorylineUsage existingStoryline(long id) {
		return repository.storyline(id, true)
			.orElseThrow(() -> new InvalidArticleException("There is no storyline with id " + id + "."));
	}

	private void changed(long actorId, String action, String subject, String detail) {
		staffActions.record(actorId, action, subject, detail);
		cache.invalidate();
	}

}
