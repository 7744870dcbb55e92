package org.backstory.publishing;

import org.backstory.members.SignedInMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names an article can refer to (authors, tags, storylines) for the editor's pickers,
 * and each staff member's own byline.
 */
@Service
public class ArticleVocabulary {

	private final ArticleDeskRepository repository;

	private final TaxonomyCreator taxonomy;

	ArticleVocabulary(ArticleDeskRepository repository, TaxonomyCreator taxonomy) {
		this.repository = repository;
		this.taxonomy = taxonomy;
	}

	/**
	 * This staff member's author (their byline), made from their name the first time they
	 * need one.
	 */
	@Transactional
	public Author authorFor(SignedInMember staff) {
		DeskChecks.requireStaff(staff);
		return repository.authorOfMember(staff.id()).orElseGet(() -> {
			String base = slugOf(staff.name());
			String slug = base;
			for (int n = 2; repository.authorSlugTaken(slug); n++) {
				slug = base + "-" + n;
			}
			String name = staff.name().isBlank() ? "Staff writer" : staff.name();
			return taxonomy.createAuthor(slug, name.length() > 120 ? name.substring(0, 120) : name, "", staff.id());
		});
	}

	/**
	 * Every author, tag and storyline, for the editor's pickers and the list's filters.
	 */
	@Transactional(readOnly = true)
	public Vocabulary all() {
		return new Vocabulary(repository.authors(), repository.tags(), repository.storylines());
	}

	static String slugOf(String name) {
		String slug = Slugs.fromName(name, 80);
		return slug.isEmpty() ? "author" : slug;
	}

}
