package org.backstory.newsletters.web;

import java.util.List;

import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;

/**
 * A page where one member's newsletters are chosen with a box each: from a preferences
 * link, on the account page, or by staff.
 *
 * @param title the heading
 * @param lead a sentence under it saying whose newsletters these are
 * @param action where the form posts
 * @param choices every newsletter, ticked when the member gets it
 * @param backHref a link back to where the page was opened from, or null
 * @param backText that link's text
 */
public record ChoicePage(String title, String lead, String action, List<NewsletterChoice> choices,
		@Nullable String backHref, @Nullable String backText) {

	String render(Model model, CsrfToken csrfToken) {
		model.addAttribute("page", this);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "newsletters/choose";
	}

}
