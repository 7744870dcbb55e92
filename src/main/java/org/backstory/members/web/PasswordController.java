package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.PasswordPolicy;
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
 * Changing the password, or choosing a first one for an account that signs in by emailed
 * links; either ends the member's other sessions. A first password needs no current one,
 * so it may be chosen only in a session signed in by an emailed link
 * ({@link SignInMethod#emailedLink()}) for a proven address: whoever holds the mailbox
 * chooses it.
 */
@Controller
class PasswordController {

	static final String LINK_NEEDED = "To choose a password, sign in with a link we email you first: that shows "
			+ "the address is yours.";

	private final MemberRepository members;

	private final AccountSettings settings;

	private final MemberSessions sessions;

	private final PasswordPolicy passwordPolicy;

	PasswordController(MemberRepository members, AccountSettings settings, MemberSessions sessions,
			PasswordPolicy passwordPolicy) {
		this.members = members;
		this.settings = settings;
		this.sessions = sessions;
		this.passwordPolicy = passwordPolicy;
	}

	@GetMapping("/account/password")
	String form(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, HttpServletRequest request,
			Model model) {
		String notice = request.getParameter("saved") != null
				? "Your password is saved. Your other sessions have been signed out." : null;
		return page(model, csrfToken, member, request, notice, null);
	}

	@PostMapping("/account/password")
	ModelAndView change(@AuthenticationPrincipal SignedInMember member,
			@RequestParam(required = false) @Nullable String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var problem = passwordPolicy.problem(newPassword, member.email());
		if (problem.isPresent()) {
			return rejected(model, csrfToken, member, request, problem.get(), response);
		}
		Member account = members.findById(member.id()).orElseThrow();
		String error;
		if (!account.hasPassword()) {
			error = provenByLink(request) && settings.setFirstPassword(member.id(), newPassword) ? null : LINK_NEEDED;
		}
		else {
			error = switch (settings.changePassword(member.id(), currentPassword, newPassword)) {
				case DONE -> null;
				case WRONG_CONFIRMATION -> "Your current password is incorrect.";
				case THROTTLED -> Pages.THROTTLED;
			};
		}
		if (error != null) {
			return rejected(model, csrfToken, member, request, error, response);
		}
		sessions.endAll(member.id(), request.getSession().getId());
		return Pages.redirect("/account/password?saved");
	}

	private static boolean provenByLink(HttpServletRequest request) {
		return SessionOrigin.of(request).map(origin -> origin.method().emailedLink()).orElse(false);
	}

	private ModelAndView rejected(Model model, CsrfToken csrfToken, SignedInMember member, HttpServletRequest request,
			String error, HttpServletResponse response) {
		response.setStatus(Pages.UNPROCESSABLE);
		return new ModelAndView(page(model, csrfToken, member, request, null, error));
	}

	private String page(Model model, CsrfToken csrfToken, SignedInMember member, HttpServletRequest request,
			@Nullable String notice, @Nullable String error) {
		Member account = members.findById(member.id()).orElseThrow();
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("hasPassword", account.hasPassword());
		model.addAttribute("mayChoose", account.hasPassword() || account.emailVerified() && provenByLink(request));
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return "members/password";
	}

}
