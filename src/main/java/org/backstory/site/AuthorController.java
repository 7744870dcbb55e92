package org.backstory.site;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.Author;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** An author's page: their bio and published articles, newest first. */
@Controller
class AuthorController {

	private final ArticleCatalog catalog;

	private final ShareCards shareCards;

	AuthorController(ArticleCatalog catalog, ShareCards shareCards) {
		this.catalog = catalog;
		this.shareCards = shareCards;
	}

	@GetMapping("/author/{slug}")
	String author(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
		Author author = catalog.author(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("author", author);
		model.addAttribute("share", shareCards.author(author));
		model.addAttribute("list",
				ListPage.load("/author/" + slug, page, (limit, offset) -> catalog.byAuthor(slug, limit, offset)));
		return "site/author";
	}

}
