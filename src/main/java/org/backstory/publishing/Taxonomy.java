package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.backstory.shared.StaffActions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff manage tags and storylines: create, rename, merge, delete an unused tag, and
 * order a storyline's articles. Every change is one transaction, recorded for the audit
 * log, and seen by readers when it commits. A renamed or merged-away slug keeps
 * answering: {@code /tag/{old}} and {@code /story/{old}} redirect to where it went
 * ({@link ArticleCatalog#tagMovedTo}, {@link ArticleCatalog#storylineMovedTo}). Bad input
 * throws {@link InvalidArticleException} with a message for the editor; nothing is
 * written then.
 */
@Service
public class Taxonomy {

	private final TaxonomyRepository repository;

	private final CatalogCache cache;

	private final StaffActions staffActions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Taxonomy(TaxonomyRepository repository, CatalogCache cache, StaffActions staffActions,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.cache = cache;
		this.staffActions = staffActions;
		this.events = events;
		this.clock = clock;
	}

	/** Every tag with its article count, by name. */
	@Transactional(readOnly = true)
	public List<TagUsage> tags() {
		return repository.tags();
	}

	/** The tag with this id, with its article count. */
	@Transactional(readOnly = true)
	public Optional<TagUsage> tag(long id) {
		return repository.tag(id, false);
	}

	/**
	 * Creates a tag.
	 * @param description what its page says about it (plain text, at most
	 * {@link Tag#MAX_DESCRIPTION} characters)
	 * @throws InvalidArticleException if the slug, name or description is not acceptable
	 * or the slug is taken
	 */
	@Transactional
	public Tag createTag(long actorId, String slug, String name, String description) {
		Tag checked = checkTag(-1, slug, name, description);
		long id = insertOrRefuse(
				() -> repository.insertTag(slug, checked.name(), checked.description(), clock.instant()), "tag", slug);
		repository.releaseTagAlias(slug);
		changed(actorId, "tag.created", "tag " + id + " \"" + checked.name() + "\"", "slug " + slug);
		return new Tag(id, slug, checked.name(), checked.description());
	}

	/**
	 * Gives a tag a new name, slug and description; an old slug redirects to the new one.
	 * @throws InvalidArticleException if there is no such tag, a field is not acceptable
	 * or the slug is taken
	 */
	@Transactional
	public Tag editTag(long actorId, long id, String slug, String name, String description) {
		TagUsage before = existingTag(id);
		Tag checked = checkTag(id, slug, name, description);
		String plainName = checked.name();
		insertOrRefuse(() -> {
			repository.updateTag(id, slug, plainName, checked.description());
			return id;
		}, "tag", slug);
		Instant now = clock.instant();
		if (!before.slug().equals(slug)) {
			repository.releaseTagAlias(slug);
			repository.aliasTag(before.slug(), id, now);
		}
		changed(actorId, "tag.renamed", "tag " + id + " \"" + plainName + "\"",
				"was \"" + before.name() + "\" (" + before.slug() + "), now " + slug);
		return checked;
	}

	/**
	 * Merges tag {@code fromId} into {@code intoId}: its articles get the other tag
	 * (once), it is deleted, and its slug redirects to the other tag's page.
	 * @throws InvalidArticleException if either tag does not exist or they are the same
	 * tag
	 */
	@Transactional
	public void mergeTags(long actorId, long fromId, long intoId) {
		if (fromId == intoId) {
			throw new InvalidArticleException("A tag cannot be merged into itself.");
		}
		TagUsage from = existingTag(fromId);
		TagUsage into = existingTag(intoId);
		repository.moveTagOnto(fromId, intoId);
		repository.deleteTag(fromId);
		repository.aliasTag(from.slug(), intoId, clock.instant());
		changed(actorId, "tag.merged", "tag " + fromId + " \"" + from.name() + "\"",
				"into tag " + intoId + " \"" + into.name() + "\", " + from.articles() + " articles");
	}

	/**
	 * Deletes a tag no article carries.
	 * @throws InvalidArticleException if there is no such tag or an article carries it
	 */
	@Transactional
	public void deleteTag(long actorId, long id) {
		TagUsage tag = existingTag(id);
		if (tag.articles() > 0) {
			throw new InvalidArticleException("The tag \"" + tag.name() + "\" is on " + tag.articles()
					+ (tag.articles() == 1 ? " article" : " articles") + "; merge it into another tag instead.");
		}
		repository.deleteTag(id);
		changed(actorId, "tag.deleted", "tag " + id + " \"" + tag.name() + "\"", "slug " + tag.slug());
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
		long id = insertOrRefuse(() -> repository.insertStoryline(slug, plainTitle, plainDescription, clock.instant()),
				"storyline", slug);
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
		insertOrRefuse(() -> {
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

	/**
	 * The tag as it will be saved (plain name and description); {@code self} is its id,
	 * or -1 for a new one.
	 */
	private Tag checkTag(long self, String slug, String name, String description) {
		String plainDescription = EditorialRules.plain(description);
		check(EditorialRules.slugProblem("The tag's slug", slug),
				EditorialRules.nameProblem("The tag's name", name, 80),
				EditorialRules.tagDescriptionProblem(plainDescription));
		if (repository.tagSlugTaken(slug, self)) {
			throw new InvalidArticleException("The slug '" + slug + "' is already used by another tag.");
		}
		return new Tag(self, slug, EditorialRules.plain(name), plainDescription);
	}

	private void checkStoryline(String slug, String title, String description, long self) {
		check(EditorialRules.slugProblem("The storyline's slug", slug),
				EditorialRules.nameProblem("The storyline's title", title, 200),
				EditorialRules.plain(description).length() > 2000
						? Optional.of("The storyline's description must be at most 2000 characters.")
						: Optional.empty());
		if (repository.storylineSlugTaken(slug, self)) {
			throw new InvalidArticleException("The slug '" + slug + "' is already used by another storyline.");
		}
	}

	private TagUsage existingTag(long id) {
		return repository.tag(id, true)
			.orElseThrow(() -> new InvalidArticleException("There is no tag with id " + id + "."));
	}

	private StorylineUsage existingStoryline(long id) {
		return repository.storyline(id, true)
			.orElseThrow(() -> new InvalidArticleException("There is no storyline with id " + id + "."));
	}

	/** Runs an insert or update that a concurrent change may beat to the same slug. */
	private static long insertOrRefuse(LongSupplier write, String what, String slug) {
		try {
			return write.getAsLong();
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidArticleException("The slug '" + slug + "' is already used by another " + what + ".");
		}
	}

	private void changed(long actorId, String action, String subject, String detail) {
		staffActions.record(actorId, action, subject, detail);
		cache.invalidate();
	}

	@SafeVarargs
	private static void check(Optional<String>... problems) {
		List<String> found = Arrays.stream(problems).flatMap(Optional::stream).toList();
		if (!found.isEmpty()) {
			throw new InvalidArticleException(found);
		}
	}

}
