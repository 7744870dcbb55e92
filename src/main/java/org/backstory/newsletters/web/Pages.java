package org.backstory.newsletters.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.view.RedirectView;

/** What the newsletters pages share: private responses, redirects, and the one-message page. */
final class Pages {

	private Pages() {
	}

	/** Marks a response as personal: no shared cache may keep it. */
	static void personal(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
	}

	/**
	 * Marks a page opened by a signed link: personal, not indexed, and its address (which holds the token)
	 * not passed on in the {@code Referer} of links followed from it.
	 */
	static void signedLinkPage(HttpServletResponse response) {
		personal(response);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
	}

	/** A 303 redirect to a local path, taken literally. */
	static RedirectView redirectTo(String localPath) {
		RedirectView view = new RedirectView(localPath, true);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
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
