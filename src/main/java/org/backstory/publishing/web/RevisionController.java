package org.backstory.publishing.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleRevision;
import org.backstory.publishing.ArticleRevisions;
import org.backstory.publishing.HouseFormat;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SavedArticle;
import org.backstory.publishing.StaleVersionException;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An article's revisions: the list, one in full, and restoring one as a new save. */
@Controller
class RevisionController {

	private final ArticleDesk desk;

	private final PublicationService publication;

	private final ArticleRevisions history;

	RevisionController(ArticleDesk desk, PublicationService publication, ArticleRevisions history) {
		this.history = history;
		this.publication = publication;
		this.desk = desk;
	}

	@GetMapping("/admin/articles/{id}/revisions")
	String list(@PathVariable long id, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		List<ArticleRevision> revisions = history.revisions(id, staff);
		return render(model, response, id, staff, revisions, null, csrfToken);
	}

	@GetMapping("/admin/articles/{id}/revisions/{revisionId}")
	String show(@PathVariable long id, @PathVariable long revisionId, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		ArticleRevision revision = history.revision(id, revisionId, staff);
		return render(model, response, id, staff, List.of(revision),
				HouseFormat.joined(revision.text(), publication.labels()), csrfToken);
	}

	@PostMapping("/admin/articles/{id}/revisions/{revisionId}/restore")
	String restore(@PathVariable long id, @PathVariable long revisionId, @RequestParam int version,
			@AuthenticationPrincipal SignedInMember staff, RedirectAttributes redirect) {
		try {
			SavedArticle saved = history.restore(id, revisionId, version, staff);
			redirect.addFlashAttribute("notice", "Restored the revision as version " + saved.version() + ".");
			return "redirect:/admin/articles/" + id;
		}
		catch (StaleVersionException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
		}
	}

	private String render(Model model, HttpServletResponse response, long id, SignedInMember staff,
			List<ArticleRevision> revisions, @Nullable String body, CsrfToken csrfToken) {
		Responses.personal(response);
		Integer version = desk.mayEdit(id, staff) ? desk.open(id, staff).version() : null;
		String title = desk.forPreview(id, staff).title();
		model.addAttribute("page",
				new RevisionsPage(id, title,
						revisions.stream()
							.map(r -> new RevisionsPage.Line(r.id(), r.version(), r.title(), r.dek(), r.savedByName(),
									Dates.sortableMinute(r.savedAt()), r.autosave() ? "autosave" : "saved"))
							.toList(),
						body, version, CsrfField.of(csrfToken)));
		return body == null ? "publishing/revisions" : "publishing/revision";
	}

}
