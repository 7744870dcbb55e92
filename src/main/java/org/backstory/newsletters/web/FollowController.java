package org.backstory.newsletters.web;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.StorylineFollows;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.Storyline;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Following storylines, for a signed-in member: the "Follow this story" button on
 * storyline and article pages posts here (with the form's CSRF token) and comes back to
 * the page ({@code back}, a local path only); the member's follows are listed at
 * {@code /account/following}, each with "Unfollow". Under {@code /account/}, so a reader
 * who is not signed in is sent to sign in first.
 */
@Controller
class FollowController {

	static final String PATH = "/account/following";

	private final StorylineFollows follows;

	private final ArticleCatalog catalog;

	FollowController(StorylineFollows follows, ArticleCatalog catalog) {
		this.follows = follows;
		this.catalog = catalog;
	}

	@GetMapping(PATH)
	String following(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("storylines", follows.followedBy(member.id()).stream().map(FollowingRow::of).toList());
		return "newsletters/following";
	}

	@PostMapping(PATH + "/{slug}")
	RedirectView follow(@AuthenticationPrincipal SignedInMember member, @PathVariable String slug,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		Storyline storyline = existing(slug);
		boolean added = follows.follow(member.id(), storyline.id());
		redirect.addFlashAttribute("notice",
				added ? "You follow " + storyline.title() + ": you'll get an email when a new part is published."
						: "You already follow " + storyline.title() + ".");
		return Responses.seeOther(SafeRedirect.localPathOr(back, "/story/" + storyline.slug()));
	}

	@PostMapping(PATH + "/{slug}/unfollow")
	RedirectView unfollow(@AuthenticationPrincipal SignedInMember member, @PathVariable String slug,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		Storyline storyline = existing(slug);
		boolean removed = follows.unfollow(member.id(), storyline.id());
		redirect.addFlashAttribute("notice", removed ? "You no longer follow " + storyline.title() + "."
				: "You were not following " + storyline.title() + ".");
		return Responses.seeOther(SafeRedirect.localPathOr(back, PATH));
	}

	private Storyline existing(String slug) {
		return catalog.storyline(slug)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no storyline " + slug + "."));
	}

}
