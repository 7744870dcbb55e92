package org.backstory.publishing.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleListing;
import org.backstory.publishing.ArticleQuery;
import org.backstory.publishing.ArticleVocabulary;
import org.backstory.shared.Dates;
import org.backstory.shared.ListSort;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff article list: filters, search, sortable columns, pages; editors see every
 * article, writers their own.
 */
@Controller
class ArticleListController {

	private final ArticleDesk desk;

	private final ArticleVocabulary names;

	ArticleListController(ArticleDesk desk, ArticleVocabulary names) {
		this.names = names;
		this.desk = desk;
	}

	@GetMapping("/admin/articles")
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String author,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable String storyline,
			@RequestParam(required = false) @Nullable String visibility,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
			@AuthenticationPrincipal SignedInMember staff, Model model, HttpServletResponse response) {
		ArticleQuery query = new ArticleQuery(status, author, tag, storyline, visibility, q, page,
				ListSort.parse(sort, dir, ArticleQuery.SORTABLE, ArticleQuery.DATES).orElse(null));
		ArticleListing listing = desk.list(query, staff);
		Responses.personal(response);
		model.addAttribute("page",
				new ArticleListPage(query, listing, listing.rows()
					.stream()
					.map(row -> new ArticleListPage.Line(row.id(), row.title(), row.slug(), row.status(),
							Dates.sortableMinute(row.publishedAt() != null ? row.publishedAt() : row.updatedAt()),
							row.authors(), row.visibility().level().name().toLowerCase(Locale.ROOT)))
					.toList(), names.all(), !staff.role().atLeast(MemberRole.EDITOR)));
		return "publishing/articles";
	}

}
