package org.backstory.members.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Small pieces every members page uses: the message page and redirects to local paths. */
final class Pages {

	/** The status of a form sent back with an error: the request was understood but its content refused. */
	static final int UNPROCESSABLE = 422;

	static final String THROTTLED = "Too many sign-in attempts. Try again in a few minutes.";

	private Pages() {
	}

	/** What to say when the password (or, for link-only accounts, the typed address) confirming a change is wrong. */
	static String wrongConfirmation(boolean hasPassword) {
		return hasPassword ? "Your password is incorrect." : "Type your current email address to confirm.";
	}

	/** A redirect to a path already checked to be local; the path is used as it is, never as a template. */
	static ModelAndView redirect(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setExpandUriTemplateVariables(false);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	/** The one-paragraph message page, with an optional link onward. */
	static ModelAndView message(Model model, String title, String message, @Nullable String linkHref,
			@Nullable String linkText) {
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("linkHref", linkHref);
		model.addAttribute("linkText", linkText);
		return new ModelAndView("members/message");
	}

	/** The message page for a link that no longer works, with a status that says so. */
	static ModelAndView deadLink(Model model, HttpServletResponse response, String title, String why,
			String linkHref, String linkText) {
		response.setStatus(HttpServletResponse.SC_GONE);
		return message(model, title, why, linkHref, linkText);
	}

}
