package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings;
import org.backstory.members.account.MemberRepository;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Deleting the account with all personal data, confirmed with the password (or, for an
 * account without one, by typing the address). Every session of the member ends; the
 * browser lands on a goodbye page.
 */
@Controller
class DeleteAccountController {

	private final MemberRepository members;

	private final AccountSettings settings;

	private final MemberSessions sessions;

	private final SignIn signIn;

	DeleteAccountController(MemberRepository members, AccountSettings settings, MemberSessions sessions,
			SignIn signIn) {
		this.members = members;
		this.settings = settings;
		this.sessions = sessions;
		this.signIn = signIn;
	}

	@GetMapping("/account/delete")
	String confirm(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model) {
		return page(model, csrfToken, member, null);
	}

	@PostMapping("/account/delete")
	ModelAndView delete(@AuthenticationPrincipal SignedInMember member,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String email, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		boolean hasPassword = members.findById(member.id()).orElseThrow().hasPassword();
		String error = switch (settings.delete(member.id(), hasPassword ? password : email)) {
			case DONE -> null;
			case WRONG_CONFIRMATION -> hasPassword ? "Your password is incorrect." : "That is not your email address.";
			case THROTTLED -> Pages.THROTTLED;
		};
		if (error != null) {
			response.setStatus(Pages.UNPROCESSABLE);
			return new ModelAndView(page(model, csrfToken, member, error));
		}
		sessions.endAll(member.id(), request.getSession().getId());
		signIn.signOut(request, response);
		return Pages.redirect("/goodbye");
	}

	@GetMapping("/goodbye")
	ModelAndView goodbye(Model model) {
		return Pages.message(model, "Your account is deleted",
				"Your account and your personal data have been deleted, and you are signed out. Thank you for reading.",
				"/", "Go to the front page");
	}

	private String page(Model model, CsrfToken csrfToken, SignedInMember member, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("hasPassword", members.findById(member.id()).orElseThrow().hasPassword());
		model.addAttribute("error", error);
		return "members/delete";
	}

}
