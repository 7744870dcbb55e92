package org.backstory.site;

import java.util.Optional;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A tag's page: its published articles, newest first. A renamed or merged tag's old slug answers 301. */
@Controller
class TagController {

	private final ArticleCatalog catalog;

	private final ShareCards shareCards;

	TagController(ArticleCatalog catalog, ShareCards shareCards) {
		this.catalog = catalog;
		this.shareCards = shareCards;
	}

	@GetMapping("/tag/{slug}")
	Object tag(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
		Optional<Tag> tag = catalog.tag(slug);
		if (tag.isEmpty()) {
			return catalog.tagMovedTo(slug)
				.map(current -> MovedPermanently.to("/tag/" + current))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		model.addAttribute("tag", tag.get());
		model.addAttribute("share", shareCards.tag(tag.get()));
		model.addAttribute("list",
				ListPage.load("/tag/" + slug, page, (limit, offset) -> catalog.byTag(slug, limit, offset)));
		return "site/tag";
	}

}
