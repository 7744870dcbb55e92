package org.backstory.members.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings.Outcome;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.StaffChangeRefused;
import org.backstory.members.account.TwoFactor;
import org.backstory.members.account.TwoFactor.Codes;
import org.backstory.members.account.TwoFactor.Setup;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A staff member's two-factor sign-in page. Off: a QR code of the {@code otpauth://} URI
 * and the secret in Base32, and a box for the first code, which turns it on and shows ten
 * recovery codes once. On: how many recovery codes are left, a new set (the old ones stop
 * working), and turning it off; both confirmed with a current code or the password.
 * Turning it on or off signs the member out everywhere else. Nothing here is cached
 * ({@code no-store}): the pages carry the secret and the codes.
 */
@Controller
class TwoFactorController {

	static final String PATH = "/admin/two-factor";

	private final TwoFactor twoFactor;

	private final MemberRepository members;

	private final MemberSessions sessions;

	TwoFactorController(TwoFactor twoFactor, MemberRepository members, MemberSessions sessions) {
		this.twoFactor = twoFactor;
		this.members = members;
		this.sessions = sessions;
	}

	@GetMapping(PATH)
	ModelAndView page(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String notice = request.getParameter("off") != null ? "Two-factor sign-in is off." : null;
		return page(model, csrfToken, member, response, notice, null);
	}

	@PostMapping(PATH)
	ModelAndView turnOn(@AuthenticationPrincipal SignedInMember member, @RequestParam(defaultValue = "") String code,
			CsrfToken csrfToken, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (twoFactor.on(member.id())) {
			return Pages.redirect(PATH);
		}
		Codes turnedOn = twoFactor.confirm(member.id(), code, request.getRemoteAddr());
		if (turnedOn.outcome() == Outcome.DONE) {
			sessions.endAll(member.id(), request.getSession().getId());
			return codes(model, response, turnedOn.recoveryCodes(), true);
		}
		return refused(model, csrfToken, member, response, turnedOn.outcome(),
				"That code is not right. Type the 6 digits the app shows for this account now.");
	}

	@PostMapping(PATH + "/recovery-codes")
	ModelAndView newRecoveryCodes(@AuthenticationPrincipal SignedInMember member,
			@RequestParam(required = false) @Nullable String confirmation, CsrfToken csrfToken,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!twoFactor.on(member.id())) {
			return Pages.redirect(PATH);
		}
		Codes replaced = twoFactor.replaceRecoveryCodes(member.id(), confirmation, request.getRemoteAddr());
		if (replaced.outcome() == Outcome.DONE) {
			return codes(model, response, replaced.recoveryCodes(), false);
		}
		return refused(model, csrfToken, member, response, replaced.outcome(), wrongConfirmation(member));
	}

	@PostMapping(PATH + "/off")
	ModelAndView turnOff(@AuthenticationPrincipal SignedInMember member,
			@RequestParam(required = false) @Nullable String confirmation, CsrfToken csrfToken,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!twoFactor.on(member.id())) {
			return Pages.redirect(PATH);
		}
		Outcome outcome;
		try {
			outcome = twoFactor.turnOff(member.id(), confirmation, request.getRemoteAddr());
		}
		catch (StaffChangeRefused refused) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return page(model, csrfToken, member, response, null, refused.getMessage());
		}
		if (outcome == Outcome.DONE) {
			sessions.endAll(member.id(), request.getSession().getId());
			return Pages.redirect(PATH + "?off");
		}
		return refused(model, csrfToken, member, response, outcome, wrongConfirmation(member));
	}

	private String wrongConfirmation(SignedInMember member) {
		return hasPassword(member) ? "That is neither a current code nor your password." : "That code is not right.";
	}

	private boolean hasPassword(SignedInMember member) {
		return members.findById(member.id()).map(found -> found.hasPassword()).orElse(false);
	}

	private ModelAndView refused(Model model, CsrfToken csrfToken, SignedInMember member, HttpServletResponse response,
			Outcome outcome, String wrong) {
		boolean throttled = outcome == Outcome.THROTTLED;
		response.setStatus(throttled ? HttpStatus.TOO_MANY_REQUESTS.value() : Pages.UNPROCESSABLE);
		return page(model, csrfToken, member, response, null, throttled ? SecondFactorController.LOCKED : wrong);
	}

	private ModelAndView page(Model model, CsrfToken csrfToken, SignedInMember member, HttpServletResponse response,
			@Nullable String notice, @Nullable String error) {
		Responses.personal(response);
		boolean on = twoFactor.on(member.id());
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("on", on);
		model.addAttribute("required", twoFactor.requiredOfStaff());
		model.addAttribute("codesLeft", on ? twoFactor.recoveryCodesLeft(member.id()) : 0);
		model.addAttribute("hasPassword", hasPassword(member));
		Setup setup = on ? null : twoFactor.setup(member.id());
		model.addAttribute("secret", setup == null ? "" : grouped(setup.secret()));
		model.addAttribute("qrCode", setup == null ? "" : QrCode.svgDataUri(setup.uri()));
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return new ModelAndView("members/two-factor");
	}

	private static ModelAndView codes(Model model, HttpServletResponse response, List<String> codes, boolean turnedOn) {
		Responses.personal(response);
		model.addAttribute("codes", codes);
		model.addAttribute("turnedOn", turnedOn);
		return new ModelAndView("members/recovery-codes");
	}

	/** The secret in groups of four, as apps show it, for typing by hand. */
	static String grouped(String secret) {
		return String.join(" ", secret.split("(?<=\\G.{4})"));
	}

}
