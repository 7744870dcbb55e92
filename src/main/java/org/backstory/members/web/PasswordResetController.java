package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.MailRequestLimit;
import org.backstory.members.account.PasswordReset;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.PasswordPolicy;
import org.backstory.members.account.TokenCheck;
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
 * Forgotten passwords: ask for a link (same answer whether or not the address has an
 * account), open it, choose a new password. A reset ends every other session of the
 * member and signs this browser in.
 */
@Controller
class PasswordResetController {

	private final PasswordReset resets;

	private final MailRequestLimit limit;

	private final MemberSessions sessions;

	private final SignIn signIn;

	private final MemberRepository members;

	private final PasswordPolicy passwordPolicy;

	PasswordResetController(PasswordReset resets, MailRequestLimit limit, MemberSessions sessions, SignIn signIn,
			MemberRepository members, PasswordPolicy passwordPolicy) {
		this.resets = resets;
		this.limit = limit;
		this.sessions = sessions;
		this.signIn = signIn;
		this.members = members;
		this.passwordPolicy = passwordPolicy;
	}

	@GetMapping("/password/forgot")
	String forgotForm(CsrfToken csrfToken, Model model) {
		return forgotPage(model, csrfToken, "", null);
	}

	@PostMapping("/password/forgot")
	ModelAndView forgot(@RequestParam(defaultValue = "") String email, CsrfToken csrfToken, HttpServletRequest request,
			Model model) {
		String address = EmailAddresses.normalize(email);
		var problem = EmailAddresses.problem(address);
		if (problem.isPresent()) {
			return new ModelAndView(forgotPage(model, csrfToken, address, problem.get()));
		}
		if (!limit.allow(address, request.getRemoteAddr())) {
			return new ModelAndView(forgotPage(model, csrfToken, address, Pages.THROTTLED));
		}
		resets.request(address);
		return Pages.message(model, "Check your inbox",
				"If an account exists for that address, we've emailed a link to reset your password. It works once, within an hour.",
				null, null);
	}

	@GetMapping("/password/reset")
	ModelAndView resetForm(@RequestParam(required = false) @Nullable String token, CsrfToken csrfToken,
			HttpServletResponse response, Model model) {
		TokenCheck check = resets.check(token);
		if (!check.valid()) {
			return dead(model, response, check);
		}
		return new ModelAndView(resetPage(model, csrfToken, token, null));
	}

	@PostMapping("/password/reset")
	ModelAndView reset(@RequestParam(required = false) @Nullable String token,
			@RequestParam(defaultValue = "") String password, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		TokenCheck check = resets.check(token);
		if (!check.valid()) {
			return dead(model, response, check);
		}
		String email = members.findById(check.memberId()).map(Member::email).orElse("");
		var problem = passwordPolicy.problem(password, email);
		if (problem.isPresent()) {
			response.setStatus(Pages.UNPROCESSABLE);
			return new ModelAndView(resetPage(model, csrfToken, token, problem.get()));
		}
		return resets.reset(token, password).map(member -> {
			var session = request.getSession(false);
			sessions.endAll(member.id(), session == null ? null : session.getId());
			return Pages.redirect(signIn.signIn(member, SignInMethod.PASSWORD_RESET, "/", request, response));
		}).orElseGet(() -> dead(model, response, resets.check(token)));
	}

	private static String forgotPage(Model model, CsrfToken csrfToken, String email, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("email", email.length() > EmailAddresses.MAX_LENGTH ? "" : email);
		model.addAttribute("error", error);
		return "members/forgot";
	}

	private static String resetPage(Model model, CsrfToken csrfToken, @Nullable String token, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("token", token);
		model.addAttribute("error", error);
		return "members/reset";
	}

	private static ModelAndView dead(Model model, HttpServletResponse response, TokenCheck check) {
		String why = switch (check.state()) {
			case EXPIRED -> "This password reset link has expired: links work for an hour.";
			case USED -> "This password reset link has already been used: each link works once.";
			default -> "This password reset link is not valid. It may have been replaced by a newer one.";
		};
		return Pages.deadLink(model, response, "Reset link no longer works", why, "/password/forgot",
				"Get a new reset link");
	}

}
