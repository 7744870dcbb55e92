package org.backstory.newsletters.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** What the newsletters pages share: signed-link pages and the one-message page. */
final class Pages {

	private Pages() {
	}

	/**
	 * Marks a page opened by a signed link: personal and not indexed. Its address (which
	 * holds the token) is not passed on in the {@code Referer} of links followed from it:
	 * the members module's security headers list these paths among the token pages.
	 */
	static void signedLinkPage(HttpServletResponse response) {
		Responses.personal(response);
		response.setHeader("X-Robots-Tag", "noindex");
	}

	/** The one-paragraph message page with this status, and an optional link onward. */
	static String message(Model model, HttpServletResponse response, HttpStatus status, String title, String message,
			@Nullable String linkHref, @Nullable String linkText) {
		response.setStatus(status.value());
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("linkHref", linkHref);
		model.addAttribute("linkText", linkText);
		return "newsletters/message";
	}

}
