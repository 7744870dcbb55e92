package org.backstory.newsletters.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberProfile;
import org.backstory.newsletters.LinkTarget;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.newsletters.SignedLinks;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The preferences link of a newsletter: every newsletter with a box, for the member the
 * signed token names, without login. Saving is an ordinary form post with a CSRF token.
 */
@Controller
class PreferencesController {

	private static final String PATH = "/newsletters/preferences/";

	private final SignedLinks links;

	private final Newsletters newsletters;

	private final OptIns optIns;

	PreferencesController(SignedLinks links, Newsletters newsletters, OptIns optIns) {
		this.links = links;
		this.newsletters = newsletters;
		this.optIns = optIns;
	}

	@GetMapping(PATH + "{token}")
	String preferences(@PathVariable String token, @RequestParam(required = false) @Nullable String saved,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Pages.signedLinkPage(response);
		LinkTarget target = links.preferencesTarget(token);
		if (!(target instanceof LinkTarget.Preferences valid)) {
			return problem(target, model, response);
		}
		if (saved != null) {
			model.addAttribute("notice", "Your choice is saved.");
		}
		MemberProfile member = valid.member();
		return new ChoicePage("Your newsletters", "Choose the newsletters sent to " + member.email() + ".",
				PATH + token, NewsletterChoice.of(newsletters.all(), optIns.of(member.id())), null, null)
			.render(model, csrfToken);
	}

	@PostMapping(PATH + "{token}")
	Object save(@PathVariable String token,
			@RequestParam(name = "newsletter", required = false) @Nullable List<@Nullable Long> chosen, Model model,
			HttpServletResponse response) {
		Pages.signedLinkPage(response);
		LinkTarget target = links.preferencesTarget(token);
		if (!(target instanceof LinkTarget.Preferences valid)) {
			return problem(target, model, response);
		}
		optIns.choose(valid.member().id(), NewsletterChoice.ticked(chosen));
		return Responses.seeOther(PATH + token + "?saved");
	}

	private static String problem(LinkTarget target, Model model, HttpServletResponse response) {
		if (target instanceof LinkTarget.Gone) {
			return Pages.message(model, response, HttpStatus.GONE, "This link no longer works",
					"The account it was for has been deleted, so no newsletters are sent to it.", "/",
					"Go to the front page");
		}
		return Pages.message(model, response, HttpStatus.BAD_REQUEST, "This preferences link is not valid",
				"This preferences link is not valid: it may have been cut short or changed when it was copied. "
						+ "Open the link from the newsletter as it is, or log in and choose your newsletters on your account page.",
				"/account/newsletters", "Your newsletters");
	}

}
