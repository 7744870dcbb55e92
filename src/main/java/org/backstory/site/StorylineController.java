package org.backstory.site;

import java.util.List;
import java.util.Optional;

import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.Storyline;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A storyline's page: its published articles in story order, as a timeline, paged like the other lists (part
 * numbers run on across pages), with a signed-in reader's catch-up (what is new, what they read). A renamed or
 * merged storyline's old slug answers 301.
 */
@Controller
class StorylineController {

	private final ArticleCatalog catalog;

	private final ShareCards shareCards;

	private final Catchups catchups;

	StorylineController(ArticleCatalog catalog, ShareCards shareCards, Catchups catchups) {
		this.catalog = catalog;
		this.shareCards = shareCards;
		this.catchups = catchups;
	}

	@GetMapping("/story/{slug}")
	Object storyline(@PathVariable String slug, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal @Nullable SignedInMember member, Model model) {
		Optional<Storyline> storyline = catalog.storyline(slug);
		if (storyline.isEmpty()) {
			return catalog.storylineMovedTo(slug)
				.map(current -> MovedPermanently.to("/story/" + current))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		model.addAttribute("storyline", storyline.get());
		model.addAttribute("share", shareCards.storyline(storyline.get()));
		// The whole story is one cached list, the one every part's page reads for its neighbours: a page is a slice.
		List<ArticleSummary> parts = catalog.inStoryline(slug);
		model.addAttribute("parts", parts.size());
		model.addAttribute("catchup", catchups.ofStoryline(member, parts));
		model.addAttribute("list", ListPage.load("/story/" + slug, page, (limit, offset) -> parts
			.subList(Math.min(offset, parts.size()), Math.min(offset + limit, parts.size()))));
		return "site/storyline";
	}

}
