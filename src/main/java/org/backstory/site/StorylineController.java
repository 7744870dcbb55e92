package org.backstory.site;

import java.util.Optional;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.Storyline;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A storyline's page: its published articles in story order, as a timeline. A renamed or merged storyline's old
 * slug answers 301.
 */
@Controller
class StorylineController {

	private final ArticleCatalog catalog;

	private final ShareCards shareCards;

	StorylineController(ArticleCatalog catalog, ShareCards shareCards) {
		this.catalog = catalog;
		this.shareCards = shareCards;
	}

	@GetMapping("/story/{slug}")
	Object storyline(@PathVariable String slug, Model model) {
		Optional<Storyline> storyline = catalog.storyline(slug);
		if (storyline.isEmpty()) {
			return catalog.storylineMovedTo(slug)
				.map(current -> MovedPermanently.to("/story/" + current))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		model.addAttribute("storyline", storyline.get());
		model.addAttribute("share", shareCards.storyline(storyline.get()));
		model.addAttribute("parts", ArticleCard.of(catalog.inStoryline(slug)));
		return "site/storyline";
	}

}
