package org.backstory.members.web;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.account.CodeCheck;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.TwoFactor;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The second step of a staff member's sign-in: after a right password or emailed link,
 * the code from their authenticator app or one of their recovery codes. Only a session
 * holding a {@link PendingSignIn} gets here; until the code is right it holds no
 * authentication. Codes are throttled per member and per IP
 * ({@link CodeCheck#THROTTLED}); a lock-out says how long to wait and what else works.
 */
@Controller
class SecondFactorController {

	static final String PATH = "/login/code";

	static final String WRONG = "That code is not right. Type the 6-digit code your authenticator app shows now, "
			+ "or one of your recovery codes.";

	static final String USED = "That code has signed in already. Wait for the next one: the app shows a new code "
			+ "every 30 seconds.";

	static final String MALFORMED = "Type the 6 digits your authenticator app shows, or a recovery code "
			+ "(16 letters and digits).";

	static final String LOCKED = "Too many wrong codes for this account, so checking codes is paused for a few "
			+ "minutes (longer after each pause). Wait, then sign in again. If your phone is out of reach, type one "
			+ "of your recovery codes instead of a code; if you have lost those too, ask the publication's owner to "
			+ "reset two-factor sign-in for your account.";

	private final TwoFactor twoFactor;

	private final MemberRepository members;

	private final SignIn signIn;

	private final Clock clock;

	SecondFactorController(TwoFactor twoFactor, MemberRepository members, SignIn signIn, Clock clock) {
		this.twoFactor = twoFactor;
		this.members = members;
		this.signIn = signIn;
		this.clock = clock;
	}

	@GetMapping(PATH)
	ModelAndView form(CsrfToken csrfToken, HttpServletRequest request, Model model) {
		if (PendingSignIn.of(request, clock.instant()).isEmpty()) {
			return Pages.redirect("/login");
		}
		return page(model, csrfToken, null);
	}

	@PostMapping(PATH)
	ModelAndView check(@RequestParam(defaultValue = "") String code, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<PendingSignIn> pending = PendingSignIn.of(request, clock.instant());
		Optional<Member> member = pending.flatMap(found -> members.findById(found.memberId()));
		if (pending.isEmpty() || member.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_GONE);
			return Pages.message(model, "Sign in again",
					"This sign-in has expired: the code must follow the password or sign-in link within 10 minutes.",
					"/login", "Sign in");
		}
		CodeCheck check = twoFactor.check(member.get().id(), code, request.getRemoteAddr());
		if (check == CodeCheck.RIGHT) {
			signIn.complete(member.get(), pending.get().method(), request, response);
			return Pages.redirect(signIn.destination(member.get().signedIn(), pending.get().next()));
		}
		response.setStatus(check == CodeCheck.THROTTLED ? HttpStatus.TOO_MANY_REQUESTS.value() : Pages.UNPROCESSABLE);
		return page(model, csrfToken, refusal(check));
	}

	/** What to tell someone whose code was not accepted. */
	static String refusal(CodeCheck check) {
		return switch (check) {
			case USED -> USED;
			case MALFORMED -> MALFORMED;
			case THROTTLED -> LOCKED;
			default -> WRONG;
		};
	}

	private static ModelAndView page(Model model, CsrfToken csrfToken, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("error", error);
		return new ModelAndView("members/second-factor");
	}

}
