package org.backstory.members.web;

import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page: a password form and a form that mails a sign-in link. POST /login is
 * Spring Security's.
 */
@Controller
class LoginController {

	static final String BAD_CREDENTIALS = "Email or password is incorrect.";

	/**
	 * Worded alike for every address, so it does not tell whether the address has an
	 * account.
	 */
	static final String ADDRESS_LOCKED = "Too many failed sign-ins for this address, so password sign-in is paused "
			+ "for a few minutes. A sign-in link still works: if this address has an account, we have emailed it a "
			+ "sign-in link.";

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String error, CsrfToken csrfToken, Model model) {
		String message = switch (error == null ? "" : error) {
			case "credentials" -> BAD_CREDENTIALS;
			case "throttled" -> Pages.THROTTLED;
			case "locked" -> ADDRESS_LOCKED;
			default -> null;
		};
		return page(model, csrfToken, next, message, "", null);
	}

	static String page(Model model, CsrfToken csrfToken, @Nullable String next, @Nullable String error,
			String linkEmail, @Nullable String linkError) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("next", SafeRedirect.localPathOr(next, ""));
		model.addAttribute("error", error);
		model.addAttribute("linkEmail", linkEmail);
		model.addAttribute("linkError", linkError);
		return "members/login";
	}

}
