package org.backstory.members.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.SignupCarryOver;
import org.backstory.members.account.MailRequestLimit;
import org.backstory.members.account.Registration;
import org.backstory.members.account.TokenCheck;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Confirming an address: the link mailed at sign-up (or asked for again from the profile
 * page). Opening it shows a button, so mail scanners do not use it up; pressing it proves
 * the address, carries what this browser did before sign-up into the account
 * ({@link SignupCarryOver}: the anonymous meter's reads), signs the reader in with a new
 * session id and sends them on to the page they signed up from.
 */
@Controller
class VerificationController {

	private static final Pages.LinkPage PAGE = new Pages.LinkPage("Confirm your email address",
			"Press the button to confirm your address and sign in. The link works once.", "/verify",
			"Confirm and sign in");

	private final Registration registration;

	private final MailRequestLimit limit;

	private final SignIn signIn;

	private final ObjectProvider<SignupCarryOver> carryOvers;

	VerificationController(Registration registration, MailRequestLimit limit, SignIn signIn,
			ObjectProvider<SignupCarryOver> carryOvers) {
		this.registration = registration;
		this.limit = limit;
		this.signIn = signIn;
		this.carryOvers = carryOvers;
	}

	@GetMapping("/verify")
	ModelAndView open(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String next, CsrfToken csrfToken, HttpServletResponse response,
			Model model) {
		TokenCheck check = registration.checkConfirmation(token);
		if (!check.valid() || token == null) {
			return dead(model, response, check);
		}
		return Pages.confirmLink(model, csrfToken, token, next, PAGE);
	}

	@PostMapping("/verify")
	ModelAndView confirm(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String next, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		TokenCheck check = registration.checkConfirmation(token);
		return registration.confirm(token).map(member -> {
			Map<String, String> cookies = cookies(request);
			carryOvers.orderedStream().forEach(carryOver -> carryOver.carryOver(member.id(), cookies));
			return Pages.redirect(signIn.signIn(member, SignInMethod.CONFIRMATION, SafeRedirect.localPathOr(next, "/"),
					request, response));
		}).orElseGet(() -> dead(model, response, check));
	}

	private static Map<String, String> cookies(HttpServletRequest request) {
		Map<String, String> cookies = new HashMap<>();
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				cookies.putIfAbsent(cookie.getName(), cookie.getValue());
			}
		}
		return cookies;
	}

	@PostMapping("/account/verification")
	ModelAndView resend(@AuthenticationPrincipal SignedInMember member, HttpServletRequest request) {
		if (!limit.allow(member.email(), request.getRemoteAddr())) {
			return Pages.redirect("/account/profile?throttled");
		}
		registration.resendConfirmation(member.id());
		return Pages.redirect("/account/profile?verificationSent");
	}

	private static ModelAndView dead(Model model, HttpServletResponse response, TokenCheck check) {
		String why = switch (check.state()) {
			case EXPIRED -> "This confirmation link has expired: links work for 24 hours.";
			case USED -> "This confirmation link has already been used, so your address is confirmed.";
			default -> "This confirmation link is not valid. It may have been replaced by a newer one.";
		};
		return Pages.deadLink(model, response, "Confirmation link no longer works",
				why + " Sign in with a link we email you: that confirms your address too.", "/login", "Sign in");
	}

}
