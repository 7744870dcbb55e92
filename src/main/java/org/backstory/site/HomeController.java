package org.backstory.site;

import org.backstory.publishing.ArticleCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page: the latest articles, newest first, a page at a time. */
@Controller
class HomeController {

	private final ArticleCatalog catalog;

	HomeController(ArticleCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("list", ListPage.load("/", page, catalog::latest));
		return "site/home";
	}

}
