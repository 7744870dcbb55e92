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
 * The unfollow link of a follow email, as {@link UnsubscribeController} is a
 * newsletter's, in the shape of {@link SignedLinkFlow}: the signed token can only end its
 * own member's follow of its own storyline.
 */
@Controller
class UnfollowController {

	private final SignedLinks links;

	private final SignedLinkFlow<LinkTarget.Unfollow> flow = new SignedLinkFlow<>(LinkTarget.Unfollow.class,
			LinkTarget.Unfollow::following, UnfollowController::already, UnfollowController::problem);

	UnfollowController(SignedLinks links) {
		this.links = links;
	}

	@GetMapping("/unfollow/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		return flow.answer(() -> links.unfollowTarget(token), model, response, valid -> {
			model.addAttribute("address", valid.member().email());
			model.addAttribute("storyline", valid.storylineTitle());
			model.addAttribute("action", "/unfollow/" + token);
			return "newsletters/unfollow";
		});
	}

	@PostMapping("/unfollow/{token}")
	String unfollow(@PathVariable String token, Model model, HttpServletResponse response) {
		return flow.answer(() -> links.unfollow(token), model, response,
				done -> Pages.message(model, response, HttpStatus.OK, "You no longer follow this story",
						done.member().email() + " will get no more emails about " + done.storylineTitle()
								+ ". Your newsletters are unchanged.",
						"/story/" + done.storylineSlug(), "Changed your mind? Follow it again on its page"));
	}

	private static String already(LinkTarget.Unfollow target, Model model, HttpServletResponse response) {
		return Pages.message(model, response, HttpStatus.OK, "You're not following this story",
				target.member().email() + " does not follow " + target.storylineTitle() + ", so nothing changed.",
				"/story/" + target.storylineSlug(), "Go to the story");
	}

	private static String problem(LinkTarget target, Model model, HttpServletResponse response) {
		if (target instanceof LinkTarget.Gone) {
			return Pages.message(model, response, HttpStatus.GONE, "This unfollow link no longer works",
					"The account or the story it was for no longer exists, so nothing more will be sent for it.", "/",
					"Go to the front page");
		}
		return Pages.message(model, response, HttpStatus.BAD_REQUEST, "This unfollow link is not valid",
				"This unfollow link is not valid: it may have been cut short or changed when it was copied. "
						+ "Open the link from the email as it is, or log in and unfollow the story on your account page.",
				FollowController.PATH, "Stories you follow");
	}

}
