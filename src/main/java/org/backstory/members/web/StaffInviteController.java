package org.backstory.members.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.InviteCheck;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberNames;
import org.backstory.members.account.StaffChangeRefused;
import org.backstory.members.account.StaffInvite;
import org.backstory.members.account.StaffInvites;
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
 * The mailed staff invite link. Opening it shows a page rather than acting, so mail
 * scanners do not use it up: someone without an account chooses a name and a password,
 * then signs in as usual; someone with an account signs in with it and presses a button,
 * which signs that browser in again with a new session id and the staff role (every other
 * session of the account ends). A link that no longer works answers 410 with the reason.
 */
@Controller
class StaffInviteController {

	static final String PATH = "/staff/invite";

	private final StaffInvites invites;

	private final SignIn signIn;

	StaffInviteController(StaffInvites invites, SignIn signIn) {
		this.invites = invites;
		this.signIn = signIn;
	}

	@GetMapping(PATH)
	ModelAndView open(@RequestParam(required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, HttpServletResponse response,
			Model model) {
		InviteCheck check = invites.check(token);
		if (!check.valid() || check.invite() == null || token == null) {
			return dead(model, response, check);
		}
		return page(model, csrfToken, token, check, member, "", null);
	}

	@PostMapping(PATH)
	ModelAndView createAccount(@RequestParam(required = false) @Nullable String token,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
			@AuthenticationPrincipal @Nullable SignedInMember member, CsrfToken csrfToken, HttpServletResponse response,
			Model model) {
		InviteCheck check = invites.check(token);
		if (!check.valid() || check.invite() == null || token == null) {
			return dead(model, response, check);
		}
		Optional<Member> joined;
		try {
			joined = invites.acceptWithNewAccount(token, name, password);
		}
		catch (StaffChangeRefused refused) {
			response.setStatus(Pages.UNPROCESSABLE);
			return page(model, csrfToken, token, check, member, MemberNames.normalize(name), refused.getMessage());
		}
		return joined.map(
				staff -> Pages.message(model, "Welcome to the staff",
						"Your account is ready. Sign in with " + staff.email()
								+ " and your password to reach the admin.",
						"/login?next=%2Fadmin", "Sign in"))
			.orElseGet(() -> dead(model, response, invites.check(token)));
	}

	@PostMapping(PATH + "/accept")
	ModelAndView accept(@RequestParam(required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable SignedInMember member, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		InviteCheck check = invites.check(token);
		if (!check.valid() || check.invite() == null || token == null) {
			return dead(model, response, check);
		}
		if (member == null) {
			return Pages.redirect(signInPath(token));
		}
		try {
			return invites.acceptAsMember(token, member.id())
				.map(staff -> Pages.redirect(signIn.signIn(staff, SignInMethod.INVITE, "/admin", request, response)))
				.orElseGet(() -> dead(model, response, invites.check(token)));
		}
		catch (StaffChangeRefused refused) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return Pages.message(model, "This invite is not yours to accept", refused.getMessage(), null, null);
		}
	}

	private static ModelAndView page(Model model, CsrfToken csrfToken, String token, InviteCheck check,
			@Nullable SignedInMember member, String name, @Nullable String error) {
		StaffInvite invite = check.invite();
		String mode;
		if (!check.accountExists()) {
			mode = "new";
		}
		else if (member == null) {
			mode = "sign-in";
		}
		else {
			mode = member.email().equalsIgnoreCase(invite.email()) ? "accept" : "other";
		}
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("token", token);
		model.addAttribute("email", invite.email());
		model.addAttribute("role", StaffRow.label(invite.role()));
		model.addAttribute("mode", mode);
		model.addAttribute("signInHref", signInPath(token));
		model.addAttribute("name", name.length() > MemberNames.MAX_LENGTH ? "" : name);
		model.addAttribute("error", error);
		return new ModelAndView("members/staff-invite");
	}

	private static String signInPath(String token) {
		return "/login?next=" + URLEncoder.encode(PATH + "?token=" + token, StandardCharsets.UTF_8);
	}

	private static ModelAndView dead(Model model, HttpServletResponse response, InviteCheck check) {
		String why = switch (check.state()) {
			case EXPIRED -> "This invite has expired: invite links work for 7 days.";
			case USED -> "This invite has already been used: each invite link works once. If you accepted it, sign in.";
			case REVOKED -> "This invite was withdrawn, or replaced by a newer one.";
			default -> "This invite link is not valid.";
		};
		return Pages.deadLink(model, response, "Invite link no longer works",
				why + " Ask the publication's owner for a new invite if you need one.", "/login", "Sign in");
	}

}
