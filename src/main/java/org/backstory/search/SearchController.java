package org.backstory.search;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Author;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.SearchOrder;
import org.backstory.publishing.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /search?q=}: the readers' search, in web search syntax, by relevance or newest
 * first, filtered by tag, author or storyline, ten results a page. A search that cannot
 * be made (too long) is answered 400 with the reason on the page; a page number out of
 * range is a 400 too.
 */
@Controller
class SearchController {

	static final int MAX_QUERY = 200;

	static final int MAX_PAGE = 100;

	private final ReaderSearch search;

	private final ArticleCatalog catalog;

	SearchController(ReaderSearch search, ArticleCatalog catalog) {
		this.search = search;
		this.catalog = catalog;
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "relevance") String sort,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String author,
			@RequestParam(required = false) @Nullable String storyline, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal @Nullable SignedInMember member, Model model, HttpServletResponse response) {
		boolean newest = switch (sort) {
			case "relevance" -> false;
			case "newest" -> true;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sort is relevance or newest");
		};
		if (page < 1 || page > MAX_PAGE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page is 1 to " + MAX_PAGE);
		}
		String query = q.strip();
		String tagSlug = blankToNull(tag);
		String authorSlug = blankToNull(author);
		String storylineSlug = blankToNull(storyline);
		List<Tag> tags = catalog.tagsWithCounts().stream().map(PublishedCount::item).toList();
		List<Author> authors = catalog.authorsWithCounts().stream().map(PublishedCount::item).toList();
		if (query.length() > MAX_QUERY) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("search",
					new SearchPage(query.substring(0, MAX_QUERY), newest, tagSlug, authorSlug, storylineSlug, List.of(),
							List.of(), 0, 1, 0, null, "A search can be at most " + MAX_QUERY + " characters long.",
							tags, authors));
			return "search/results";
		}
		ReaderSearch.Found found = query.isEmpty() ? ReaderSearch.Found.NOTHING : search.find(query,
				newest ? SearchOrder.NEWEST : SearchOrder.RELEVANCE, tagSlug, authorSlug, storylineSlug, page, member);
		long pages = (found.total() + ReaderSearch.PAGE_SIZE - 1) / ReaderSearch.PAGE_SIZE;
		model.addAttribute("search",
				new SearchPage(query, newest, tagSlug, authorSlug, storylineSlug, found.entities(), found.results(),
						found.total(), page, Math.min(pages, MAX_PAGE), found.didYouMean(), null, tags, authors));
		return "search/results";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
