package org.backstory.publishing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.BackgroundSuggestions;
import org.backstory.shared.web.Responses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The editor's "Suggest background" panel again, for the form as it stands (the
 * storyline, title, dek, body or tags changed, or a recap line was inserted). Posted, not
 * fetched by GET, because it carries the body being written. A saved article's panel is
 * only for staff who may edit it.
 */
@Controller
class BackgroundSuggestionController {

	private final ArticleDesk desk;

	private final BackgroundSuggestions suggestions;

	BackgroundSuggestionController(ArticleDesk desk, BackgroundSuggestions suggestions) {
		this.desk = desk;
		this.suggestions = suggestions;
	}

	@PostMapping("/admin/articles/background-suggestions")
	String panel(ArticleForm form, @AuthenticationPrincipal SignedInMember staff, Model model,
			HttpServletResponse response) {
		if (form.id() != null) {
			desk.open(form.id(), staff);
		}
		Responses.personal(response);
		model.addAttribute("suggestions", suggestions.suggest(form.backgroundRequest()));
		return "publishing/suggest-background";
	}

}
