package org.backstory.site;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A member's reading history at {@code /account/reading}: what they read, last read first
 * (at most {@value ReadingHistory#SHOWN}), each entry removable, and "clear all".
 * Articles no longer published are left out of the list (their entries are still
 * removable by "clear all").
 */
@Controller
class ReadingHistoryController {

	static final String PATH = "/account/reading";

	private final ReadingHistory history;

	private final ArticleCatalog catalog;

	ReadingHistoryController(ReadingHistory history, ArticleCatalog catalog) {
		this.history = history;
		this.catalog = catalog;
	}

	@GetMapping(PATH)
	String list(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		Map<Long, ArticleSummary> published = catalog.allPublished()
			.stream()
			.collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
		List<ReadingEntry> entries = history.recent(member.id())
			.stream()
			.filter(read -> published.containsKey(read.articleId()))
			.map(read -> ReadingEntry.of(published.get(read.articleId()), read))
			.toList();
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("entries", entries);
		return "site/reading-history";
	}

	@PostMapping(PATH + "/{articleId}/remove")
	RedirectView remove(@AuthenticationPrincipal SignedInMember member, @PathVariable long articleId,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", history.remove(member.id(), articleId)
				? "Removed from your reading history." : "That article was not in your reading history.");
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/clear")
	RedirectView clear(@AuthenticationPrincipal SignedInMember member, RedirectAttributes redirect) {
		history.clear(member.id());
		redirect.addFlashAttribute("notice", "Your reading history is cleared.");
		return Responses.seeOther(PATH);
	}

}
