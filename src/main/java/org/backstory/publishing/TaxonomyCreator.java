package org.backstory.publishing;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates authors, tags and storylines, idempotent by slug (an existing one is returned
 * unchanged), without an audit entry: for the demo seeder, imports, archive restore and a
 * staff member's own byline. Staff creating a tag or storyline in the admin go through
 * {@link Taxonomy} and {@link StorylineTaxonomy}, which audit it.
 */
@Service
public class TaxonomyCreator {

	private final TaxonomyCreatorRepository repository;

	private final CatalogCache cache;

	private final Clock clock;

	TaxonomyCreator(TaxonomyCreatorRepository repository, CatalogCache cache, Clock clock) {
		this.repository = repository;
		this.cache = cache;
		this.clock = clock;
	}

	/**
	 * Creates an author. Idempotent by slug: if an author with this slug exists, it is
	 * returned unchanged.
	 * @param memberId the staff user who writes as this author, or null
	 * @throws InvalidArticleException if the slug, name or bio is not acceptable
	 */
	@Transactional
	public Author createAuthor(String slug, String name, String bio, @Nullable Long memberId) {
		EditorialRules.check(EditorialRules.slugProblem("The author's slug", slug),
				EditorialRules.nameProblem("The author's name", name, 120), bio.length() > 2000
						? Optional.of("The author's bio must be at most 2000 characters.") : Optional.empty());
		cache.invalidate();
		return repository.insertAuthor(slug, EditorialRules.plain(name), EditorialRules.plain(bio), memberId,
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
		EditorialRules.check(EditorialRules.slugProblem("The tag's slug", slug),
				EditorialRules.nameProblem("The tag's name", name, 80),
				EditorialRules.tagDescriptionProblem(plainDescription));
		cache.invalidate();
		return repository.insertTag(slug, EditorialRules.plain(name), plainDescription, clock.instant());
	}

	/**
	 * Creates a storyline. Idempotent by slug: if a storyline with this slug exists, it
	 * is returned unchanged.
	 * @throws InvalidArticleException if the slug, title or description is not acceptable
	 */
	@Transactional
	public Storyline createStoryline(String slug, String title, String description) {
		EditorialRules.check(EditorialRules.slugProblem("The storyline's slug", slug),
				EditorialRules.nameProblem("The storyline's title", title, 200),
				description.length() > 2000
						? Optional.of("The storyline's description must be at most 2000 characters.")
						: Optional.empty());
		cache.invalidate();
		return repository.insertStoryline(slug, EditorialRules.plain(title), EditorialRules.plain(description),
				clock.instant());
	}

}
