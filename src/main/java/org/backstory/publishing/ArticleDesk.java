package org.backstory.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.backstory.members.SignedInMember;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's entry point: what staff do to articles in the editor, each action
 * checked against the staff member's role and authorship ({@link AccessDeniedException},
 * a 403, when refused). Contributors write their own drafts; authors their own articles,
 * publishing one only when an editor has allowed it; editors and above everything. Saves
 * are optimistically locked by the article's version and each one keeps a revision;
 * publishing actions go into the audit log. It is the only door for staff writes that
 * publish: the newsletters' publish page comes through {@link #publish} too. The preview
 * and the history are beside it ({@link BodyPreviews}, {@link ArticleRevisions}).
 */
@Service
public class ArticleDesk {

	private final ArticleEditor editor;

	private final ArticleDeskRepository repository;

	private final RevisionLog revisionLog;

	private final ArticleCatalogRepository reader;

	private final StaffActions staffActions;

	private final Clock clock;

	private final ArticlePublisher publisher;

	private final ArticleVocabulary vocabulary;

	private final DeskChecks checks;

	ArticleDesk(ArticleEditor editor, ArticlePublisher publisher, ArticleVocabulary vocabulary, DeskChecks checks,
			ArticleDeskRepository repository, RevisionLog revisionLog, ArticleCatalogRepository reader,
			StaffActions staffActions, Clock clock) {
		this.editor = editor;
		this.publisher = publisher;
		this.vocabulary = vocabulary;
		this.checks = checks;
		this.repository = repository;
		this.revisionLog = revisionLog;
		this.reader = reader;
		this.staffActions = staffActions;
		this.clock = clock;
	}

	/**
	 * The articles matching the query that this staff member may see: all of them for
	 * editors, else their own.
	 */
	@Transactional(readOnly = true)
	public ArticleListing list(ArticleQuery query, SignedInMember staff) {
		DeskChecks.requireStaff(staff);
		return repository.list(query, ArticlePermissions.seesAll(staff.role()) ? null : staff.id(), clock.instant());
	}

	/**
	 * The article for the editor.
	 * @throws NoSuchArticleException if there is none
	 * @throws AccessDeniedException if this staff member may not edit it
	 */
	@Transactional(readOnly = true)
	public EditableArticle open(long id, SignedInMember staff) {
		checks.requireEdit(id, staff);
		return repository.load(id, clock.instant()).orElseThrow(() -> new NoSuchArticleException(id));
	}

	/**
	 * Saves the draft: a new article when its id is null, otherwise a change to an
	 * article whose version must still be {@code baseVersion}. Keeps a revision of the
	 * text.
	 * @param authorMayPublish the editor's switch; ignored unless this staff member is an
	 * editor or above
	 * @param autosave whether the editor saved by itself (only drafts are autosaved)
	 * @throws InvalidArticleException listing every problem (nothing is written)
	 * @throws StaleVersionException if someone saved a newer version (nothing is written)
	 * @throws AccessDeniedException if this staff member may not edit the article
	 */
	@Transactional
	public SavedArticle save(ArticleDraft draft, @Nullable Integer baseVersion, @Nullable Boolean authorMayPublish,
			boolean autosave, SignedInMember staff) {
		DeskChecks.requireStaff(staff);
		Instant now = clock.instant();
		Long existing = draft.id();
		if (existing != null) {
			repository.lock(existing);
			ArticleDeskRepository.Standing standing = checks.requireEdit(existing, staff);
			if (baseVersion == null || baseVersion != standing.version()) {
				throw revisionLog.stale(existing);
			}
			if (autosave && !standing.draft()) {
				throw new InvalidArticleException(
						"A published or scheduled article is saved with the Save button only.");
			}
		}
		if (!ArticlePermissions.seesAll(staff.role())
				&& !draft.authorSlugs().contains(vocabulary.authorFor(staff).slug())) {
			throw new InvalidArticleException("Keep yourself among the article's authors.");
		}
		long id = editor.save(draft);
		if (authorMayPublish != null && ArticlePermissions.mayAllowAuthors(staff.role())
				&& repository.setAuthorMayPublish(id, authorMayPublish)) {
			staffActions.record(staff.id(),
					authorMayPublish ? "article.authors-allowed-to-publish" : "article.authors-not-allowed-to-publish",
					subject(id), "");
		}
		revisionLog.keep(id, autosave, staff, now);
		return new SavedArticle(id, repository.version(id), now);
	}

	/** How the audit log names the article. */
	private String subject(long id) {
		return "article " + id + " \"" + repository.title(id) + "\"";
	}

	/**
	 * The article whatever its status, as {@link Article} (a draft as if published now),
	 * for previewing it as readers will see it.
	 * @throws AccessDeniedException if this staff member may not see it
	 */
	@Transactional(readOnly = true)
	public Article forPreview(long id, SignedInMember staff) {
		checks.requireView(id, staff);
		return reader.anyStatus(id, clock.instant()).orElseThrow(() -> new NoSuchArticleException(id));
	}

	/**
	 * The article's status as readers see it now: {@code draft}, {@code scheduled} or
	 * {@code published}.
	 */
	@Transactional(readOnly = true)
	public String statusOf(long id) {
		return repository.shownStatus(id, clock.instant()).orElseThrow(() -> new NoSuchArticleException(id));
	}

	/**
	 * Whether this staff member may open the article in the editor and save it (false if
	 * there is none).
	 */
	@Transactional(readOnly = true)
	public boolean mayEdit(long id, SignedInMember staff) {
		return staff.role().staff() && repository.standing(id, staff.id())
			.map(s -> ArticlePermissions.mayEdit(staff.role(), s.own(), s.draft()))
			.orElse(false);
	}

	/**
	 * Of these articles, those this staff member may publish: all of them for editors and
	 * above, without a query per article; an author's own ones they were allowed to.
	 */
	@Transactional(readOnly = true)
	public List<ArticleStatusLine> publishable(List<ArticleStatusLine> articles, SignedInMember staff) {
		if (ArticlePermissions.seesAll(staff.role())) {
			return articles;
		}
		return articles.stream().filter(article -> mayPublish(article.id(), staff)).toList();
	}

	/**
	 * Refuses, with a sentence saying who can allow it, a staff member who may not
	 * publish, schedule or unpublish the article.
	 */
	@Transactional(readOnly = true)
	public void requireMayPublish(long id, SignedInMember staff) {
		checks.requirePublish(id, staff);
	}

	/**
	 * Whether this staff member may publish, schedule or unpublish the article (false if
	 * there is none).
	 */
	@Transactional(readOnly = true)
	public boolean mayPublish(long id, SignedInMember staff) {
		return staff.role().staff() && repository.standing(id, staff.id())
			.map(s -> ArticlePermissions.mayPublish(staff.role(), s.own(), s.authorMayPublish()))
			.orElse(false);
	}

	/**
	 * Publishes the article at {@code at}: at once if that time has come, otherwise it is
	 * scheduled; on the site or, with {@code onSite} false, for email only (see
	 * {@link SystemPublisher#publish(long, Instant, boolean)}). Every staff write that
	 * publishes comes through here, so it is checked and audited as
	 * {@code article.published} or {@code article.scheduled}.
	 * @param how how the audit entry describes the publishing ({@code on the site now},
	 * {@code site and email} and so on)
	 * @throws AccessDeniedException if this staff member may not publish the article
	 * @throws NoSuchArticleException if there is none
	 */
	@Transactional
	public void publish(long id, Instant at, boolean onSite, SignedInMember staff, String how) {
		checks.requirePublish(id, staff);
		publisher.publish(id, at, onSite, true);
		audit(id, at, staff, how);
	}

	/** Publishes the article on the site now. */
	@Transactional
	public void publishNow(long id, SignedInMember staff) {
		publish(id, clock.instant(), true, staff, "on the site now");
	}

	/**
	 * Schedules the article to appear on the site at {@code at}.
	 * @throws InvalidArticleException if {@code at} has passed
	 */
	@Transactional
	public void schedule(long id, Instant at, SignedInMember staff) {
		checks.requirePublish(id, staff);
		publisher.schedule(id, at);
		audit(id, at, staff, "on the site at " + at);
	}

	private void audit(long id, Instant at, SignedInMember staff, String how) {
		staffActions.record(staff.id(), at.isAfter(clock.instant()) ? "article.scheduled" : "article.published",
				subject(id), how);
	}

	/** Takes the article back to draft. */
	@Transactional
	public void unpublish(long id, SignedInMember staff) {
		checks.requirePublish(id, staff);
		publisher.unpublish(id);
		staffActions.record(staff.id(), "article.unpublished", subject(id), "back to draft");
	}

	/**
	 * Deletes the article with its revisions and old slugs; its address stops answering.
	 * @throws NoSuchArticleException if there is none
	 * @throws AccessDeniedException if this staff member may not delete it
	 */
	@Transactional
	public void delete(long id, SignedInMember staff) {
		repository.lock(id);
		ArticleDeskRepository.Standing standing = checks.standing(id, staff);
		if (!ArticlePermissions.mayDelete(staff.role(), standing.own(), standing.draft(),
				standing.authorMayPublish())) {
			throw new AccessDeniedException("You may not delete this article.");
		}
		String subject = subject(id);
		editor.delete(id);
		staffActions.record(staff.id(), "article.deleted", subject, "");
	}

}
