package org.backstory.members.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Small pieces every members page uses: the message page and redirects to local paths.
 */
final class Pages {

	/**
	 * The status of a form sent back with an error: the request was understood but its
	 * content refused.
	 */
	static final int UNPROCESSABLE = 422;

	static final String THROTTLED = "Too many sign-in attempts. Try again in a few minutes.";

	private Pages() {
	}

	/**
	 * What to say when the password (or, for link-only accounts, the typed address)
	 * confirming a change is wrong.
	 */
	static String wrongConfirmation(boolean hasPassword) {
		return hasPassword ? "Your password is incorrect." : "Type your current email address to confirm.";
	}

	/**
	 * A redirect to a path already checked to be local; the path is used as it is, never
	 * as a template.
	 */
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

	/**
	 * The page a mailed link opens: one button that posts the token to {@code action}.
	 * Links act only when pressed, so mail scanners that fetch them do not use them up.
	 */
	static ModelAndView confirmLink(Model model, CsrfToken csrfToken, String token, @Nullable String next,
			LinkPage page) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("title", page.title());
		model.addAttribute("explanation", page.explanation());
		model.addAttribute("action", page.action());
		model.addAttribute("button", page.button());
		model.addAttribute("token", token);
		model.addAttribute("next", SafeRedirect.localPathOr(next, ""));
		return new ModelAndView("members/link-confirm");
	}

	/** The words and target of a {@link #confirmLink} page. */
	record LinkPage(String title, String explanation, String action, String button) {
	}

	/** The message page for a link that no longer works, with a status that says so. */
	static ModelAndView deadLink(Model model, HttpServletResponse response, String title, String why, String linkHref,
			String linkText) {
		response.setStatus(HttpServletResponse.SC_GONE);
		return message(model, title, why, linkHref, linkText);
	}

}
