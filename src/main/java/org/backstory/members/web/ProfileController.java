package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberNames;
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

/** The member's profile: their name, their address and whether it is verified. */
@Controller
class ProfileController {

	private final MemberRepository members;

	private final AccountSettings settings;

	private final SignIn signIn;

	ProfileController(MemberRepository members, AccountSettings settings, SignIn signIn) {
		this.members = members;
		this.settings = settings;
		this.signIn = signIn;
	}

	@GetMapping("/account/profile")
	String profile(@AuthenticationPrincipal SignedInMember signedIn, CsrfToken csrfToken, HttpServletRequest request,
			Model model) {
		Member member = members.findById(signedIn.id()).orElseThrow();
		String notice = null;
		if (request.getParameter("saved") != null) {
			notice = "Your profile is saved.";
		}
		else if (request.getParameter("verificationSent") != null) {
			notice = "We've emailed you a new verification link.";
		}
		return page(model, csrfToken, member, member.name(), notice,
				request.getParameter("throttled") != null ? Pages.THROTTLED : null);
	}

	@PostMapping("/account/profile")
	ModelAndView save(@AuthenticationPrincipal SignedInMember signedIn, @RequestParam(defaultValue = "") String name,
			CsrfToken csrfToken, HttpServletRequest request, HttpServletResponse response, Model model) {
		String displayName = MemberNames.normalize(name);
		var problem = MemberNames.problem(displayName);
		if (problem.isPresent()) {
			response.setStatus(Pages.UNPROCESSABLE);
			Member member = members.findById(signedIn.id()).orElseThrow();
			String shown = displayName.length() > MemberNames.MAX_LENGTH ? member.name() : displayName;
			return new ModelAndView(page(model, csrfToken, member, shown, null, problem.get()));
		}
		signIn.refresh(settings.rename(signedIn.id(), displayName), request, response);
		return Pages.redirect("/account/profile?saved");
	}

	private static String page(Model model, CsrfToken csrfToken, Member member, String name, @Nullable String notice,
			@Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("email", member.email());
		model.addAttribute("verified", member.emailVerified());
		model.addAttribute("name", name);
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return "members/profile";
	}

}
