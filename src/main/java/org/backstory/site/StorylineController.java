package org.backstory.site;

import java.util.List;
import java.util.Optional;

import org.backstory.members.SignedInMember;
import org.backstory.newsletters.StorylineFollows;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineEvents;
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
 * A storyline's page: its standing summary, then its timeline of events and published
 * articles, oldest first like a story or newest first ({@code ?order=newest}), paged by
 * articles like the other lists (part numbers run on across pages), with a signed-in
 * reader's catch-up (what is new, what they read) and the follow button. A renamed or
 * merged storyline's old slug answers 301.
 */
@Controller
class StorylineController {

	private final ArticleCatalog catalog;

	private final StorylineEvents events;

	private final ShareCards shareCards;

	private final Catchups catchups;

	private final StorylineFollows follows;

	StorylineController(ArticleCatalog catalog, StorylineEvents events, ShareCards shareCards, Catchups catchups,
			StorylineFollows follows) {
		this.catalog = catalog;
		this.events = events;
		this.shareCards = shareCards;
		this.catchups = catchups;
		this.follows = follows;
	}

	@GetMapping("/story/{slug}")
	Object storyline(@PathVariable String slug, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "oldest") String order,
			@AuthenticationPrincipal @Nullable SignedInMember member, Model model) {
		StorylineTimeline.Order chosen = StorylineTimeline.Order.of(order)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "order must be oldest or newest"));
		Optional<Storyline> storyline = catalog.storyline(slug);
		if (storyline.isEmpty()) {
			return MovedPermanently.toCurrentOrNotFound(catalog.storylineMovedTo(slug), current -> "/story/" + current);
		}
		model.addAttribute("storyline", storyline.get());
		model.addAttribute("share", shareCards.storyline(storyline.get()));
		// The whole story is one cached list, the one every part's page reads for its
		// neighbours: a page is a slice.
		List<ArticleSummary> parts = catalog.inStoryline(slug);
		model.addAttribute("parts", parts.size());
		model.addAttribute("catchup", catchups.ofStoryline(member, slug, parts));
		model.addAttribute("follow", FollowButton.of(storyline.get(), member, follows, "/story/" + slug));
		StorylineTimeline timeline = StorylineTimeline.of("/story/" + slug, parts, events.timeline(slug), chosen, page);
		model.addAttribute("timeline", timeline);
		model.addAttribute("list", timeline.list());
		return "site/storyline";
	}

}
