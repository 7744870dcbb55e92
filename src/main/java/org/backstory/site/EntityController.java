package org.backstory.site;

import java.util.List;

import org.backstory.access.ArticleGate;
import org.backstory.access.Reader;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
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
 * An entity's page: its bio, the published articles that mention it (newest first, paged
 * like a tag), and who said what, when: its quotes by date. A quote from an article's
 * gated part is left out, on the server, for a reader the access policy does not let read
 * that article.
 */
@Controller
class EntityController {

	private final Entities entities;

	private final ArticleGate gate;

	EntityController(Entities entities, ArticleGate gate) {
		this.entities = entities;
		this.gate = gate;
	}

	@GetMapping("/who/{slug}")
	String entity(@PathVariable String slug, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal @Nullable SignedInMember member, Model model) {
		Entity entity = entities.entity(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Reader reader = gate.searcher(member);
		List<QuoteCard> quotes = gate.readableQuotes(entities.quotes(entity), reader)
			.stream()
			.map(QuoteCard::of)
			.toList();
		model.addAttribute("entity", entity);
		model.addAttribute("quotes", page == 1 ? quotes : List.of());
		model.addAttribute("list",
				ListPage.load("/who/" + slug, page, (limit, offset) -> entities.mentioning(entity, limit, offset)));
		return "site/who";
	}

}
