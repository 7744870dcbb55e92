package org.backstory.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.backstory.members.MemberRole;
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
 * publishing actions go into the audit log.
 */
@Service
public class ArticleDesk {

	/**
	 * Autosaves by one person within this long of their last one replace it instead of
	 * adding a revision.
	 */
	static final Duration AUTOSAVE_COALESCING = Duration.ofMinutes(10);

	/**
	 * Someone whose editor sent a heartbeat within this long still has the article open.
	 */
	static final Duration PRESENCE = Duration.ofMinutes(2);

	private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private final ArticleEditor editor;

	private final ArticleDeskRepository repository;

	private final ArticleReader reader;

	private final StaffActions staffActions;

	private final Clock clock;

	private final ArticleRenderer renderer = new ArticleRenderer();

	private final PublicationService publication;

	ArticleDesk(ArticleEditor editor, ArticleDeskRepository repository, ArticleReader reader, StaffActions staffActions,
			Clock clock, PublicationService publication) {
		this.editor = editor;
		this.publication = publication;
		this.repository = repository;
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
		requireStaff(staff);
		return repository.list(query, ArticlePermissions.seesAll(staff.role()) ? null : staff.id(), clock.instant());
	}

	/**
	 * The article for the editor.
	 * @throws NoSuchArticleException if there is none
	 * @throws AccessDeniedException if this staff member may not edit it
	 */
	@Transactional(readOnly = true)
	public EditableArticle open(long id, SignedInMember staff) {
		ArticleDeskRepository.Standing standing = standing(id, staff);
		if (!ArticlePermissions.mayEdit(staff.role(), standing.own(), standing.draft())) {
			throw new AccessDeniedException("You may not edit this article.");
		}
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
		requireStaff(staff);
		Instant now = clock.instant();
		Long existing = draft.id();
		if (existing != null) {
			repository.lock(existing);
			ArticleDeskRepository.Standing standing = standing(existing, staff);
			if (!ArticlePermissions.mayEdit(staff.role(), standing.own(), standing.draft())) {
				throw new AccessDeniedException("You may not edit this article.");
			}
			if (baseVersion == null || baseVersion != standing.version()) {
				throw stale(existing);
			}
			if (autosave && !standing.draft()) {
				throw new InvalidArticleException(
						"A published or scheduled article is saved with the Save button only.");
			}
		}
		if (!ArticlePermissions.seesAll(staff.role()) && !draft.authorSlugs().contains(authorFor(staff).slug())) {
			throw new InvalidArticleException("Keep yourself among the article's authors.");
		}
		long id = editor.save(draft);
		if (authorMayPublish != null && ArticlePermissions.mayAllowAuthors(staff.role())
				&& repository.setAuthorMayPublish(id, authorMayPublish)) {
			staffActions.record(staff.id(),
					authorMayPublish ? "article.authors-allowed-to-publish" : "article.authors-not-allowed-to-publish",
					subject(id), "");
		}
		keepRevision(id, autosave, staff, now);
		return new SavedArticle(id, repository.version(id), now);
	}

	private void keepRevision(long id, boolean autosave, SignedInMember staff, Instant now) {
		Optional<Long> replaceable = autosave
				? repository.replaceableAutosave(id, staff.id(), now.minus(AUTOSAVE_COALESCING)) : Optional.empty();
		if (replaceable.isPresent()) {
			repository.replaceRevision(replaceable.get(), id, now);
		}
		else {
			repository.insertRevision(id, staff.id(), staff.name(), autosave, now);
		}
	}

	/** How the audit log names the article. */
	private String subject(long id) {
		return "article " + id + " \"" + repository.title(id) + "\"";
	}

	private StaleVersionException stale(long id) {
		return repository.latestRevision(id)
			.map(latest -> new StaleVersionException(latest.savedByName() + " saved a newer version at "
					+ CLOCK_TIME.format(latest.savedAt()) + " UTC; your text is below, copy it and reload."))
			.orElseGet(() -> new StaleVersionException(
					"Someone saved a newer version; your text is below, copy it and reload."));
	}

	/**
	 * Renders the text as the site will (with the publication's section labels), preview
	 * and gated part marked apart, for the editor's live preview, with what the writer
	 * should know about the cut: a paywall marker a save would refuse (in the opening or
	 * background of a gated piece in the house format), a gated background (no now part),
	 * or a preview that had to be capped.
	 * @param gated whether the article is not public, so readers without access see only
	 * the preview
	 */
	public BodyPreview preview(HouseText text, boolean gated) {
		if (text.length() > EditorialRules.MAX_BODY) {
			throw new InvalidArticleException("The body is too long to preview: at most "
					+ String.format(Locale.ROOT, "%,d", EditorialRules.MAX_BODY) + " characters.");
		}
		HouseText clean = text.withoutControls();
		RenderedBody body = renderer.render(clean, gated, publication.labels());
		String html = body.gatedHtml().isEmpty() ? body.previewHtml() : body.previewHtml()
				+ "<p class=\"paywall-marker\">Readers without access stop here</p>" + body.gatedHtml();
		List<String> refused = renderer.markerProblems(clean, gated);
		if (!refused.isEmpty()) {
			return new BodyPreview(html, String.join(" ", refused));
		}
		return new BodyPreview(html, body.warning()
			.orElseGet(() -> !clean.formatted() && HouseFormat.parts(clean.body(), publication.labels()).isPresent()
					? HEADINGS_IN_BODY : null));
	}

	/**
	 * What the editor says about a free-standing body written with the house headings:
	 * one that the upgrade to first-class parts left whole, because splitting it would
	 * have shown more of it to readers without access.
	 */
	static final String HEADINGS_IN_BODY = "This body has the house format's two headings in it, so it is shown as one"
			+ " free-standing text with its paywall cut as before. To use the format, move the background and the now"
			+ " part into their own boxes below (without the headings); a paywall marker may only go in the now part.";

	/**
	 * For the editor page: what the writer should know about where readers stop, or null.
	 * A text too long to save gets none; the save's refusal says so.
	 */
	public @Nullable String paywallWarning(HouseText text, boolean gated) {
		return text.length() > EditorialRules.MAX_BODY ? null : preview(text, gated).warning();
	}

	/**
	 * The editor's live preview of a body.
	 *
	 * @param html the body as the site renders it, with a line where readers without
	 * access stop
	 * @param warning why the writer should place the paywall marker, or null
	 */
	public record BodyPreview(String html, @Nullable String warning) {
	}

	/**
	 * The article whatever its status, as {@link Article} (a draft as if published now),
	 * for previewing it as readers will see it.
	 * @throws AccessDeniedException if this staff member may not see it
	 */
	@Transactional(readOnly = true)
	public Article forPreview(long id, SignedInMember staff) {
		requireView(id, staff);
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
	 * Whether this staff member may publish, schedule or unpublish the article (false if
	 * there is none).
	 */
	@Transactional(readOnly = true)
	public boolean mayPublish(long id, SignedInMember staff) {
		return staff.role().staff() && repository.standing(id, staff.id())
			.map(s -> ArticlePermissions.mayPublish(staff.role(), s.own(), s.authorMayPublish()))
			.orElse(false);
	}

	/** Publishes the article on the site now. */
	@Transactional
	public void publishNow(long id, SignedInMember staff) {
		requirePublish(id, staff);
		editor.publishNow(id);
		staffActions.record(staff.id(), "article.published", subject(id), "on the site now");
	}

	/**
	 * Schedules the article to appear on the site at {@code at}.
	 * @throws InvalidArticleException if {@code at} has passed
	 */
	@Transactional
	public void schedule(long id, Instant at, SignedInMember staff) {
		requirePublish(id, staff);
		editor.schedule(id, at);
		staffActions.record(staff.id(), "article.scheduled", subject(id), "on the site at " + at);
	}

	/** Takes the article back to draft. */
	@Transactional
	public void unpublish(long id, SignedInMember staff) {
		requirePublish(id, staff);
		editor.unpublish(id);
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
		ArticleDeskRepository.Standing standing = standing(id, staff);
		if (!ArticlePermissions.mayDelete(staff.role(), standing.own(), standing.draft(),
				standing.authorMayPublish())) {
			throw new AccessDeniedException("You may not delete this article.");
		}
		String subject = subject(id);
		editor.delete(id);
		staffActions.record(staff.id(), "article.deleted", subject, "");
	}

	/** Every saved version of the article's text, newest first. */
	@Transactional(readOnly = true)
	public List<ArticleRevision> revisions(long id, SignedInMember staff) {
		requireView(id, staff);
		return repository.revisions(id);
	}

	/** One saved version of the article's text. */
	@Transactional(readOnly = true)
	public ArticleRevision revision(long id, long revisionId, SignedInMember staff) {
		requireView(id, staff);
		return repository.revision(id, revisionId).orElseThrow(() -> new NoSuchArticleException(id));
	}

	/**
	 * Makes a saved version's title, dek and body the article's text again, as a new save
	 * based on {@code baseVersion}; the other fields stay as they are.
	 */
	@Transactional
	public SavedArticle restore(long id, long revisionId, int baseVersion, SignedInMember staff) {
		ArticleRevision revision = revision(id, revisionId, staff);
		ArticleDraft current = open(id, staff).draft();
		ArticleDraft restored = new ArticleDraft(id, current.slug(), revision.title(), revision.dek(),
				current.bodyMarkdown(), current.authorSlugs(), current.tagSlugs(), current.storylineSlug(),
				current.storylinePosition(), current.coverImageUrl(), current.visibility(), current.seo())
			.withText(revision.text());
		return save(restored, baseVersion, null, false, staff);
	}

	/**
	 * Records that this staff member has the article open in the editor, and answers who
	 * else has had it open in the last two minutes.
	 */
	@Transactional
	public List<EditorPresence> present(long id, SignedInMember staff) {
		requireView(id, staff);
		Instant now = clock.instant();
		List<EditorPresence> others = repository.othersPresent(id, staff.id(), now.minus(PRESENCE));
		repository.touchPresence(id, staff.id(), staff.name(), now, now.minus(PRESENCE));
		return others;
	}

	/**
	 * This staff member's author (their byline), made from their name the first time they
	 * need one.
	 */
	@Transactional
	public Author authorFor(SignedInMember staff) {
		requireStaff(staff);
		return repository.authorOfMember(staff.id()).orElseGet(() -> {
			String base = slugOf(staff.name());
			String slug = base;
			for (int n = 2; repository.authorSlugTaken(slug); n++) {
				slug = base + "-" + n;
			}
			String name = staff.name().isBlank() ? "Staff writer" : staff.name();
			return editor.createAuthor(slug, name.length() > 120 ? name.substring(0, 120) : name, "", staff.id());
		});
	}

	/**
	 * Every author, tag and storyline, for the editor's pickers and the list's filters.
	 */
	@Transactional(readOnly = true)
	public Vocabulary vocabulary() {
		return new Vocabulary(repository.authors(), repository.tags(), repository.storylines());
	}

	/**
	 * The names an article can refer to.
	 *
	 * @param authors every author by name
	 * @param tags every tag by name
	 * @param storylines every storyline by title
	 */
	public record Vocabulary(List<Author> authors, List<Tag> tags, List<Storyline> storylines) {
	}

	static String slugOf(String name) {
		String slug = Slugs.fromName(name, 80);
		return slug.isEmpty() ? "author" : slug;
	}

	private ArticleDeskRepository.Standing standing(long id, SignedInMember staff) {
		requireStaff(staff);
		return repository.standing(id, staff.id()).orElseThrow(() -> new NoSuchArticleException(id));
	}

	private void requireView(long id, SignedInMember staff) {
		ArticleDeskRepository.Standing standing = standing(id, staff);
		if (!ArticlePermissions.mayView(staff.role(), standing.own())) {
			throw new AccessDeniedException("You may not see this article.");
		}
	}

	private void requirePublish(long id, SignedInMember staff) {
		ArticleDeskRepository.Standing standing = standing(id, staff);
		if (!ArticlePermissions.mayPublish(staff.role(), standing.own(), standing.authorMayPublish())) {
			throw new AccessDeniedException(staff.role() == MemberRole.AUTHOR && standing.own()
					? "An editor has not allowed this article's authors to publish it."
					: "You may not publish this article.");
		}
	}

	private static void requireStaff(SignedInMember staff) {
		if (!staff.role().staff()) {
			throw new AccessDeniedException("Only staff write articles.");
		}
	}

}
