package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.MailRequestLimit;
import org.backstory.members.account.Registration;
import org.backstory.members.account.TokenCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Email verification: the mailed link, and asking for a new one from the profile page. */
@Controller
class VerificationController {

	private final Registration registration;

	private final MailRequestLimit limit;

	VerificationController(Registration registration, MailRequestLimit limit) {
		this.registration = registration;
		this.limit = limit;
	}

	@GetMapping("/verify")
	ModelAndView verify(@RequestParam(required = false) @Nullable String token, HttpServletResponse response,
			Model model) {
		TokenCheck check = registration.checkVerification(token);
		if (registration.verify(token)) {
			return Pages.message(model, "Email address verified", "Thank you: your email address is verified.", "/",
					"Go to the front page");
		}
		String why = switch (check.state()) {
			case EXPIRED -> "This verification link has expired.";
			case USED -> "This verification link has already been used, so your address is verified.";
			default -> "This verification link is not valid. It may have been replaced by a newer one.";
		};
		return Pages.deadLink(model, response, "Verification link no longer works",
				why + " You can ask for a new link on your profile page.", "/account/profile", "Your profile");
	}

	@PostMapping("/account/verification")
	ModelAndView resend(@AuthenticationPrincipal SignedInMember member, HttpServletRequest request) {
		if (!limit.allow(member.email(), request.getRemoteAddr())) {
			return Pages.redirect("/account/profile?throttled");
		}
		registration.resendVerification(member.id());
		return Pages.redirect("/account/profile?verificationSent");
	}

}
