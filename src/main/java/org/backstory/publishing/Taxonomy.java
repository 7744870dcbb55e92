package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.backstory.shared.StaffActions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff manage tags: create, rename, merge, and delete an unused one (storylines are
 * managed in {@link StorylineTaxonomy}). Every change is one transaction, recorded for
 * the audit log, and seen by readers when it commits. A renamed or merged-away slug keeps
 * answering: {@code /tag/{old}} redirects to where it went
 * ({@link ArticleCatalog#tagMovedTo}). Bad input throws {@link InvalidArticleException}
 * with a message for the editor; nothing is written then.
 */
@Service
public class Taxonomy {

	private final TaxonomyRepository repository;

	private final CatalogCache cache;

	private final StaffActions staffActions;

	private final Clock clock;

	Taxonomy(TaxonomyRepository repository, CatalogCache cache, StaffActions staffActions, Clock clock) {
		this.repository = repository;
		this.cache = cache;
		this.staffActions = staffActions;
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

	/**
	 * The tag as it will be saved (plain name and description); {@code self} is its id,
	 * or -1 for a new one.
	 */
	private Tag checkTag(long self, String slug, String name, String description) {
		String plainDescription = EditorialRules.plain(description);
		EditorialRules.check(EditorialRules.slugProblem("The tag's slug", slug),
				EditorialRules.nameProblem("The tag's name", name, 80),
				EditorialRules.tagDescriptionProblem(plainDescription));
		if (repository.tagSlugTaken(slug, self)) {
			throw new InvalidArticleException("The slug '" + slug + "' is already used by another tag.");
		}
		return new Tag(self, slug, EditorialRules.plain(name), plainDescription);
	}

	private TagUsage existingTag(long id) {
		return repository.tag(id, true)
			.orElseThrow(() -> new InvalidArticleException("There is no tag with id " + id + "."));
	}

	/** Runs an insert or update that a concurrent change may beat to the same slug. */
	static long insertOrRefuse(LongSupplier write, String what, String slug) {
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

}
