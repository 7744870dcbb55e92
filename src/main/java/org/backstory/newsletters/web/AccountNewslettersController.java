package org.backstory.newsletters.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.newsletters.Suppressions;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/** A signed-in member chooses their newsletters from the account page. */
@Controller
class AccountNewslettersController {

	private static final String PATH = "/account/newsletters";

	private final Newsletters newsletters;

	private final OptIns optIns;

	private final Suppressions suppressions;

	AccountNewslettersController(Newsletters newsletters, OptIns optIns, Suppressions suppressions) {
		this.newsletters = newsletters;
		this.optIns = optIns;
		this.suppressions = suppressions;
	}

	@GetMapping(PATH)
	String choices(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		suppressions.find(member.email())
			.ifPresent(suppression -> model.addAttribute("paused", suppression.reason().explanation()));
		return new ChoicePage("Your newsletters", "Choose the newsletters sent to " + member.email() + ".", PATH,
				NewsletterChoice.of(newsletters.all(), optIns.of(member.id())), "/account", "Your account")
			.render(model, csrfToken);
	}

	@PostMapping(PATH)
	RedirectView choose(@AuthenticationPrincipal SignedInMember member,
			@RequestParam(name = "newsletter", required = false) @Nullable List<@Nullable Long> chosen,
			RedirectAttributes redirect) {
		optIns.choose(member.id(), NewsletterChoice.ticked(chosen));
		redirect.addFlashAttribute("notice", "Your choice is saved.");
		return Responses.seeOther(PATH);
	}

}
