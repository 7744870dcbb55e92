package org.backstory.publishing.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleRevisions;
import org.backstory.publishing.ArticleVocabulary;
import org.backstory.publishing.BackgroundSuggestions;
import org.backstory.publishing.BodyPreviews;
import org.backstory.publishing.EditableArticle;
import org.backstory.publishing.Entities;
import org.backstory.publishing.StorylineEvents;
import org.backstory.publishing.EditorPresence;
import org.backstory.publishing.HouseText;
import org.backstory.publishing.InvalidArticleException;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SavedArticle;
import org.backstory.publishing.StaleVersionException;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The article editor: the page, its form save, and what its script calls (autosave, live
 * preview, presence heartbeat). Refusals by role come from {@link ArticleDesk} as 403s.
 */
@Controller
class ArticleEditorController {

	private final ArticleDesk desk;

	private final Entities entities;

	private final StorylineEvents events;

	private final BackgroundSuggestions suggestions;

	private final PublicationService publication;

	private final ArticleVocabulary names;

	private final BodyPreviews previews;

	private final ArticleRevisions revisions;

	ArticleEditorController(ArticleDesk desk, Entities entities, StorylineEvents events,
			BackgroundSuggestions suggestions, PublicationService publication, ArticleVocabulary names,
			BodyPreviews previews, ArticleRevisions revisions) {
		this.revisions = revisions;
		this.previews = previews;
		this.names = names;
		this.desk = desk;
		this.publication = publication;
		this.entities = entities;
		this.events = events;
		this.suggestions = suggestions;
	}

	@GetMapping("/admin/articles/new")
	String blank(@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		ArticleForm form = ArticleForm.blank(names.authorFor(staff).slug());
		return render(model, response, csrfToken, staff, form, null, List.of(), false, null);
	}

	@GetMapping("/admin/articles/{id}")
	String edit(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		EditableArticle article = desk.open(id, staff);
		return render(model, response, csrfToken, staff, ArticleForm.of(article), article, List.of(), false,
				(String) model.getAttribute("notice"));
	}

	@PostMapping({ "/admin/articles", "/admin/articles/{id}" })
	String save(@PathVariable(required = false) @Nullable Long id, ArticleForm form,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		ArticleForm posted = form.withId(id);
		try {
			SavedArticle saved = desk.save(posted.draft(), posted.version(), posted.authorMayPublishChoice(), false,
					staff);
			redirect.addFlashAttribute("notice", "Saved at " + Dates.clockTime(saved.savedAt()) + " UTC.");
			return "redirect:/admin/articles/" + saved.id();
		}
		catch (InvalidArticleException ex) {
			return refused(model, response, csrfToken, staff, posted, ex.problems(), false);
		}
		catch (StaleVersionException ex) {
			return refused(model, response, csrfToken, staff, posted, List.of(ex.getMessage()), true);
		}
	}

	@PostMapping("/admin/articles/autosave")
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosave(ArticleForm form, @AuthenticationPrincipal SignedInMember staff) {
		try {
			SavedArticle saved = desk.save(form.draft(), form.version(), form.authorMayPublishChoice(), true, staff);
			return ResponseEntity.ok(Map.of("id", saved.id(), "version", saved.version(), "savedAt",
					Dates.clockTime(saved.savedAt()), "editUrl", "/admin/articles/" + saved.id()));
		}
		catch (InvalidArticleException ex) {
			return ResponseEntity.unprocessableContent().body(Map.of("message", "Not saved: " + ex.getMessage()));
		}
		catch (StaleVersionException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", ex.getMessage()));
		}
	}

	@PostMapping("/admin/articles/preview")
	@ResponseBody
	ResponseEntity<Map<String, Object>> preview(@RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String background, @RequestParam(defaultValue = "") String now,
			@RequestParam(defaultValue = "") String visibility, @AuthenticationPrincipal SignedInMember staff) {
		if (!staff.role().staff()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		try {
			BodyPreviews.BodyPreview preview = previews.preview(new HouseText(body, background, now),
					ArticleForm.gated(visibility));
			return ResponseEntity.ok(preview.warning() == null ? Map.of("html", preview.html())
					: Map.of("html", preview.html(), "warning", preview.warning()));
		}
		catch (InvalidArticleException ex) {
			return ResponseEntity.unprocessableContent().body(Map.of("message", ex.getMessage()));
		}
	}

	@PostMapping("/admin/articles/{id}/presence")
	@ResponseBody
	Map<String, Object> presence(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff) {
		return Map.of("others", others(revisions.present(id, staff)));
	}

	@PostMapping("/admin/articles/{id}/mentions")
	String mentions(@PathVariable long id, @RequestParam(defaultValue = "") List<Long> kept,
			@AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		entities.confirmMentions(id, kept, staff);
		redirect.addFlashAttribute("notice", "Mentions saved.");
		return "redirect:/admin/articles/" + id;
	}

	@PostMapping("/admin/articles/{id}/publish")
	String publish(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		desk.publishNow(id, staff);
		redirect.addFlashAttribute("notice", "Published on the site.");
		return "redirect:/admin/articles/" + id;
	}

	@PostMapping("/admin/articles/{id}/schedule")
	String schedule(@PathVariable long id, @RequestParam(defaultValue = "") String at,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Instant when = parse(at);
			desk.schedule(id, when, staff);
			redirect.addFlashAttribute("notice", "Scheduled for " + Dates.sortableMinute(when) + ".");
			return "redirect:/admin/articles/" + id;
		}
		catch (InvalidArticleException ex) {
			EditableArticle article = desk.open(id, staff);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, response, csrfToken, staff, ArticleForm.of(article), article, ex.problems(), false,
					null);
		}
	}

	@PostMapping("/admin/articles/{id}/unpublish")
	String unpublish(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff,
			RedirectAttributes redirect) {
		desk.unpublish(id, staff);
		redirect.addFlashAttribute("notice", "Taken back to draft: it is no longer on the site.");
		return "redirect:/admin/articles/" + id;
	}

	private static Instant parse(String at) {
		try {
			return LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidArticleException("Give the time to publish at as a date and a time of day (UTC).");
		}
	}

	private String refused(Model model, HttpServletResponse response, CsrfToken csrfToken, SignedInMember staff,
			ArticleForm form, List<String> problems, boolean conflict) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		EditableArticle article = form.id() == null ? null : desk.open(form.id(), staff);
		return render(model, response, csrfToken, staff, form, article, problems, conflict, null);
	}

	private String render(Model model, HttpServletResponse response, CsrfToken csrfToken, SignedInMember staff,
			ArticleForm form, @Nullable EditableArticle article, List<String> problems, boolean conflict,
			@Nullable String notice) {
		Responses.personal(response);
		List<String> others = article == null ? List.of() : others(revisions.present(article.id(), staff));
		String status = article == null ? "new" : article.status();
		model.addAttribute("page", new EditorPage(form, status, publishedAt(article), problems, conflict, notice,
				previews.paywallWarning(form.text(), form.gated()), others,
				article != null && desk.mayPublish(article.id(), staff), staff.role().atLeast(MemberRole.EDITOR),
				article == null || article.draftOnly(), names.all(), CsrfField.of(csrfToken), csrfToken.getHeaderName(),
				article != null && events.covered(article.id()), publication.labels()));
		model.addAttribute("mentions", article == null ? List.of() : entities.mentionsOf(article.id()));
		model.addAttribute("suggestions", suggestions.suggest(form.backgroundRequest()));
		return "publishing/editor";
	}

	/**
	 * When the article is or was set to go out, or nothing for a new article or a draft.
	 */
	private static String publishedAt(@Nullable EditableArticle article) {
		Instant at = article == null ? null : article.publishedAt();
		return at == null ? "" : Dates.sortableMinute(at);
	}

	private static List<String> others(List<EditorPresence> present) {
		return present.stream()
			.map(other -> other.name() + " has been editing this article since " + Dates.clockTime(other.since())
					+ " UTC.")
			.toList();
	}

}
