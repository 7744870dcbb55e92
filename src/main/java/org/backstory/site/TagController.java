package org.backstory.site;

import java.util.Optional;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A tag's page: its published articles, newest first. A renamed or merged tag's old slug
 * answers 301.
 */
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
			return MovedPermanently.toCurrentOrNotFound(catalog.tagMovedTo(slug), current -> "/tag/" + current);
		}
		model.addAttribute("tag", tag.get());
		model.addAttribute("share", shareCards.tag(tag.get()));
		model.addAttribute("list",
				ListPage.load("/tag/" + slug, page, (limit, offset) -> catalog.byTag(slug, limit, offset)));
		return "site/tag";
	}

}
