package org.backstory.members.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberNames;
import org.backstory.members.account.OwnerSetup;
import org.backstory.members.account.StaffChangeRefused;
import org.backstory.members.account.TokenCheck.State;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The first-run setup page behind the link printed in the start-up log: the operator
 * chooses the owner's name, address and password, and is signed in as the owner. Once
 * there is an owner, every link answers 410.
 */
@Controller
class OwnerSetupController {

	private final OwnerSetup setup;

	private final SignIn signIn;

	OwnerSetupController(OwnerSetup setup, SignIn signIn) {
		this.setup = setup;
		this.signIn = signIn;
	}

	@GetMapping(OwnerSetup.PATH)
	ModelAndView form(@RequestParam(required = false) @Nullable String token, CsrfToken csrfToken,
			HttpServletResponse response, Model model) {
		State state = setup.check(token);
		if (state != State.VALID) {
			return dead(model, response, state);
		}
		return page(model, csrfToken, token, "", "", null);
	}

	@PostMapping(OwnerSetup.PATH)
	ModelAndView create(@RequestParam(required = false) @Nullable String token,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		State state = setup.check(token);
		if (state != State.VALID) {
			return dead(model, response, state);
		}
		Optional<Member> owner;
		try {
			owner = setup.complete(token, name, email, password);
		}
		catch (StaffChangeRefused refused) {
			response.setStatus(Pages.UNPROCESSABLE);
			return page(model, csrfToken, token, MemberNames.normalize(name), EmailAddresses.normalize(email),
					refused.getMessage());
		}
		return owner
			.map(created -> Pages
				.redirect(signIn.signIn(created, SignInMethod.OWNER_SETUP, "/admin", request, response)))
			.orElseGet(() -> dead(model, response, setup.check(token)));
	}

	private static ModelAndView page(Model model, CsrfToken csrfToken, @Nullable String token, String name,
			String email, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("token", token);
		model.addAttribute("name", name.length() > MemberNames.MAX_LENGTH ? "" : name);
		model.addAttribute("email", email.length() > EmailAddresses.MAX_LENGTH ? "" : email);
		model.addAttribute("error", error);
		return new ModelAndView("members/setup");
	}

	private static ModelAndView dead(Model model, HttpServletResponse response, State state) {
		String why = switch (state) {
			case USED -> "This publication has an owner already, so setup links no longer work.";
			case EXPIRED -> "This setup link has expired: links work for 24 hours. Restart the app for a new one.";
			default -> "This setup link is not valid. Only the newest link in the start-up log works.";
		};
		return Pages.deadLink(model, response, "Setup link no longer works", why, "/login", "Sign in");
	}

}
