package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.LinkSignIn;
import org.backstory.members.account.MailRequestLimit;
import org.backstory.members.account.TokenCheck;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Passwordless sign-in. Asking for a link always gets the same answer, account or not.
 * Opening the link shows a page with a button rather than signing in at once, so mail
 * scanners that fetch links do not use it up.
 */
@Controller
class LinkSignInController {

	private static final Pages.LinkPage PAGE = new Pages.LinkPage("Sign in",
			"Press the button to finish signing in. The link works once.", "/login/link/confirm", "Sign in");

	private final LinkSignIn links;

	private final MailRequestLimit limit;

	private final SignIn signIn;

	LinkSignInController(LinkSignIn links, MailRequestLimit limit, SignIn signIn) {
		this.links = links;
		this.limit = limit;
		this.signIn = signIn;
	}

	@PostMapping("/login/link")
	ModelAndView request(@RequestParam(defaultValue = "") String email,
			@RequestParam(required = false) @Nullable String next, CsrfToken csrfToken, HttpServletRequest request,
			Model model) {
		String address = EmailAddresses.normalize(email);
		var problem = EmailAddresses.problem(address);
		if (problem.isPresent()) {
			return new ModelAndView(LoginController.page(model, csrfToken, next, null, address, problem.get()));
		}
		if (!limit.allow(address, request.getRemoteAddr())) {
			return new ModelAndView(LoginController.page(model, csrfToken, next, null, address, Pages.THROTTLED));
		}
		links.request(address, next);
		return Pages.message(model, "Check your inbox",
				"If an account exists for that address, we've emailed a sign-in link. It works once, within 15 minutes.",
				null, null);
	}

	@GetMapping("/login/link")
	ModelAndView confirm(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String next, CsrfToken csrfToken, HttpServletResponse response,
			Model model) {
		TokenCheck check = links.check(token);
		if (!check.valid() || token == null) {
			return dead(model, response, check);
		}
		return Pages.confirmLink(model, csrfToken, token, next, PAGE);
	}

	@PostMapping("/login/link/confirm")
	ModelAndView signIn(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String next, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		TokenCheck check = links.check(token);
		return links.signIn(token)
			.map(member -> Pages.redirect(
					signIn.signIn(member, SignInMethod.LINK, SafeRedirect.localPathOr(next, "/"), request, response)))
			.orElseGet(() -> dead(model, response, check));
	}

	private static ModelAndView dead(Model model, HttpServletResponse response, TokenCheck check) {
		String why = switch (check.state()) {
			case EXPIRED -> "This sign-in link has expired: links work for 15 minutes.";
			case USED -> "This sign-in link has already been used: each link works once.";
			default -> "This sign-in link is not valid. It may have been replaced by a newer one.";
		};
		return Pages.deadLink(model, response, "Sign-in link no longer works", why + " Ask for a new one.", "/login",
				"Get a new sign-in link");
	}

}
