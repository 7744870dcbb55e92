package org.backstory.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.backstory.members.SignedInMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editor's history and company: an article's saved versions, restoring one (as a new
 * save through {@link ArticleDesk}), and who else has the article open. Each action is
 * checked against the staff member's role and authorship ({@link AccessDeniedException},
 * a 403, when refused).
 */
@Service
public class ArticleRevisions {

	/**
	 * Someone whose editor sent a heartbeat within this long still has the article open.
	 */
	static final Duration PRESENCE = Duration.ofMinutes(2);

	private final ArticleDesk desk;

	private final DeskChecks checks;

	private final ArticleDeskRepository repository;

	private final Clock clock;

	ArticleRevisions(ArticleDesk desk, DeskChecks checks, ArticleDeskRepository repository, Clock clock) {
		this.desk = desk;
		this.checks = checks;
		this.repository = repository;
		this.clock = clock;
	}

	/** Every saved version of the article's text, newest first. */
	@Transactional(readOnly = true)
	public List<ArticleRevision> revisions(long id, SignedInMember staff) {
		checks.requireView(id, staff);
		return repository.revisions(id);
	}

	/** One saved version of the article's text. */
	@Transactional(readOnly = true)
	public ArticleRevision revision(long id, long revisionId, SignedInMember staff) {
		checks.requireView(id, staff);
		return repository.revision(id, revisionId).orElseThrow(() -> new NoSuchArticleException(id));
	}

	/**
	 * Makes a saved version's title, dek and body the article's text again, as a new save
	 * based on {@code baseVersion}; the other fields stay as they are.
	 */
	@Transactional
	public SavedArticle restore(long id, long revisionId, int baseVersion, SignedInMember staff) {
		ArticleRevision revision = revision(id, revisionId, staff);
		ArticleDraft current = desk.open(id, staff).draft();
		ArticleDraft restored = new ArticleDraft(id, current.slug(), revision.title(), revision.dek(),
				current.bodyMarkdown(), current.authorSlugs(), current.tagSlugs(), current.storylineSlug(),
				current.storylinePosition(), current.coverImageUrl(), current.visibility(), current.seo())
			.withText(revision.text())
			.withMeterExempt(current.meterExempt());
		return desk.save(restored, baseVersion, null, false, staff);
	}

	/**
	 * Records that this staff member has the article open in the editor, and answers who
	 * else has had it open in the last two minutes.
	 */
	@Transactional
	public List<EditorPresence> present(long id, SignedInMember staff) {
		checks.requireView(id, staff);
		Instant now = clock.instant();
		List<EditorPresence> others = repository.othersPresent(id, staff.id(), now.minus(PRESENCE));
		repository.touchPresence(id, staff.id(), staff.name(), now, now.minus(PRESENCE));
		return others;
	}

}
