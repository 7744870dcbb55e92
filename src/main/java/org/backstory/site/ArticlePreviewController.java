package org.backstory.site;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.access.ArticleGate;
import org.backstory.access.ReadableArticle;
import org.backstory.access.ReaderState;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleDesk;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Staff preview an article, whatever its status, exactly as a kind of reader will see it:
 * the same page template and the same access decision ({@link ArticleGate#openAs}) for a
 * hypothetical reader. The staff member's own session and entitlements play no part.
 */
@Controller
class ArticlePreviewController {

	/** The kinds of reader staff can preview as. */
	enum As {

		ANONYMOUS("Anonymous", "an anonymous reader", ReaderState.ANONYMOUS),

		FREE("Free member", "a free member", ReaderState.FREE),

		PAID("Paying subscriber", "a paying subscriber", ReaderState.PAID_ACTIVE);

		private final String label;

		private final String who;

		private final ReaderState state;

		As(String label, String who, ReaderState state) {
			this.label = label;
			this.who = who;
			this.state = state;
		}

		String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final ArticleDesk desk;

	private final ArticleGate gate;

	private final ArticleFactsCache facts;

	ArticlePreviewController(ArticleDesk desk, ArticleGate gate, ArticleFactsCache facts) {
		this.desk = desk;
		this.gate = gate;
		this.facts = facts;
	}

	@GetMapping("/admin/articles/{id}/preview")
	ModelAndView preview(@PathVariable long id, @RequestParam(name = "as", defaultValue = "anonymous") String as,
			@AuthenticationPrincipal SignedInMember staff, HttpServletResponse response) {
		As reader = Arrays.stream(As.values())
			.filter(candidate -> candidate.param().equals(as))
			.findFirst()
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "as must be anonymous, free or paid"));
		Article article = desk.forPreview(id, staff);
		ReadableArticle readable = gate.openAs(article, reader.state);
		ArticlePreview banner = new ArticlePreview(reader.who, desk.statusOf(id),
				Arrays.stream(As.values())
					.map(choice -> new ArticlePreview.Choice(choice.label,
							"/admin/articles/" + id + "/preview?as=" + choice.param(), choice == reader))
					.toList(),
				"/admin/articles/" + id);
		Responses.personal(response);
		return new ModelAndView("site/article").addObject("page", new ArticlePage(readable, facts.fresh(article)))
			.addObject("preview", banner);
	}

}
