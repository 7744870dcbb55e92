package org.backstory.site;

import org.backstory.access.GiftLinks;
import org.backstory.access.GiftOutcome;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleLookup;
import org.backstory.shared.web.Refusal;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The "Gift this article" button (issue 16 §2): makes the subscriber's gift link, or
 * gives them the one they made this month, and goes back to the article, whose gift box
 * then shows the link to copy. Only subscribers and staff gift; anyone else is refused
 * with a sentence saying so.
 */
@Controller
class GiftLinkController {

	private final ArticleCatalog catalog;

	private final GiftLinks links;

	GiftLinkController(ArticleCatalog catalog, GiftLinks links) {
		this.catalog = catalog;
		this.links = links;
	}

	@PostMapping("/p/{slug}/gift")
	RedirectView gift(@PathVariable String slug, @AuthenticationPrincipal @Nullable SignedInMember member,
			RedirectAttributes redirect) {
		if (member == null) {
			throw new Refusal("Sign in as a subscriber to gift articles.");
		}
		Article article = catalog.bySlug(slug)
			.filter(ArticleLookup.Found.class::isInstance)
			.map(found -> ((ArticleLookup.Found) found).article())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		GiftOutcome outcome = links.give(member, article);
		String message = switch (outcome.result()) {
			case GIVEN -> "Your gift link is ready: copy it and send it to anyone.";
			case GIVEN_AGAIN ->
				"This is the link you made for this article this month; sharing it again costs no gift.";
			case ALLOWANCE_USED_UP ->
				"You've used all your gifts this month. They come back on the 1st of next month (UTC).";
			case FREE_TO_READ -> "Anyone can read this article already: share its address.";
			case NOT_ALLOWED -> throw new Refusal(
					"Only subscribers can gift articles, and only those their subscription lets them read.");
		};
		redirect.addFlashAttribute("giftMessage", message);
		return Responses.seeOther(ArticleLinks.page(article.slug()));
	}

}
