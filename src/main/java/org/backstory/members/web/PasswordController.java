package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings;
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

/** Changing the password (or setting a first one for a link-only account); ends the member's other sessions. */
@Controller
class PasswordController {

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
				? "Your password is changed. Your other sessions have been signed out." : null;
		return page(model, csrfToken, member, notice, null);
	}

	@PostMapping("/account/password")
	ModelAndView change(@AuthenticationPrincipal SignedInMember member,
			@RequestParam(required = false) @Nullable String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var problem = passwordPolicy.problem(newPassword, member.email());
		if (problem.isPresent()) {
			return rejected(model, csrfToken, member, problem.get(), response);
		}
		return switch (settings.changePassword(member.id(), currentPassword, newPassword)) {
			case DONE -> {
				sessions.endAll(member.id(), request.getSession().getId());
				yield Pages.redirect("/account/password?saved");
			}
			case WRONG_CONFIRMATION -> rejected(model, csrfToken, member, "Your current password is incorrect.", response);
			case THROTTLED -> rejected(model, csrfToken, member, Pages.THROTTLED, response);
		};
	}

	private ModelAndView rejected(Model model, CsrfToken csrfToken, SignedInMember member, String error,
			HttpServletResponse response) {
		response.setStatus(Pages.UNPROCESSABLE);
		return new ModelAndView(page(model, csrfToken, member, null, error));
	}

	private String page(Model model, CsrfToken csrfToken, SignedInMember member, @Nullable String notice,
			@Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("hasPassword", members.findById(member.id()).orElseThrow().hasPassword());
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return "members/password";
	}

}
