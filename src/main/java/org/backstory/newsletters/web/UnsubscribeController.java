package org.backstory.newsletters.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.newsletters.LinkTarget;
import org.backstory.newsletters.SignedLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link of a newsletter, in the shape of {@link SignedLinkFlow} (with RFC
 * 8058's one-click post): the signed token can only take its own member off its own
 * newsletter.
 */
@Controller
class UnsubscribeController {

	private final SignedLinks links;

	private final SignedLinkFlow<LinkTarget.Unsubscribe> flow;

	UnsubscribeController(SignedLinks links) {
		this.links = links;
		this.flow = new SignedLinkFlow<>(LinkTarget.Unsubscribe.class, LinkTarget.Unsubscribe::optedIn, this::already,
				UnsubscribeController::problem);
	}

	@GetMapping("/unsubscribe/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		return flow.answer(() -> links.unsubscribeTarget(token), model, response, valid -> {
			model.addAttribute("address", valid.member().email());
			model.addAttribute("newsletter", valid.newsletter().name());
			model.addAttribute("action", "/unsubscribe/" + token);
			return "newsletters/unsubscribe";
		});
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		return flow.answer(() -> links.unsubscribe(token), model, response,
				done -> Pages.message(model, response, HttpStatus.OK, "You're unsubscribed",
						"You're unsubscribed from " + done.newsletter().name() + ": " + done.member().email()
								+ " will get no more of it.",
						links.preferencesPath(done.member().id()), "Changed your mind? Choose your newsletters"));
	}

	private String already(LinkTarget.Unsubscribe target, Model model, HttpServletResponse response) {
		return Pages.message(model, response, HttpStatus.OK, "You're already unsubscribed",
				"You're already unsubscribed from " + target.newsletter().name() + ": " + target.member().email()
						+ " doesn't get it, so nothing changed.",
				links.preferencesPath(target.member().id()), "Choose your newsletters");
	}

	private static String problem(LinkTarget target, Model model, HttpServletResponse response) {
		if (target instanceof LinkTarget.Gone) {
			return Pages.message(model, response, HttpStatus.GONE, "This unsubscribe link no longer works",
					"The account or the newsletter it was for has been deleted, so nothing more will be sent for it.",
					"/", "Go to the front page");
		}
		return Pages.message(model, response, HttpStatus.BAD_REQUEST, "This unsubscribe link is not valid",
				"This unsubscribe link is not valid: it may have been cut short or changed when it was copied. "
						+ "Open the link from the newsletter as it is, or log in and choose your newsletters on your account page.",
				"/account/newsletters", "Your newsletters");
	}

}
