package org.backstory.site;

import org.backstory.access.ArticleGate;
import org.backstory.access.ReadableArticle;
import org.backstory.access.RequestOrigin;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.StorylineFollows;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleLookup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The article page. The body shown is whatever the access module hands out for this
 * reader: the whole article, or the preview and a paywall box; a verified search engine
 * crawler is a reader too (the access module decides from the client address and user
 * agent), and so is an anonymous reader's meter cookie, which the access module reads and
 * hands back to be set. An old slug answers 301 to the current one. A signed-in member's
 * read joins their reading history, and the newest part of a storyline tells them what
 * they missed; an article in a storyline carries the storyline's follow button.
 */
@Controller
class ArticleController {

	private final ArticleCatalog catalog;

	private final ArticleGate gate;

	private final ArticleFactsCache facts;

	private final Catchups catchups;

	private final StorylineFollows follows;

	ArticleController(ArticleCatalog catalog, ArticleGate gate, ArticleFactsCache facts, Catchups catchups,
			StorylineFollows follows) {
		this.catalog = catalog;
		this.gate = gate;
		this.facts = facts;
		this.catchups = catchups;
		this.follows = follows;
	}

	@GetMapping("/p/{slug}")
	ModelAndView article(@PathVariable String slug, @AuthenticationPrincipal @Nullable SignedInMember member,
			@CookieValue(name = RequestOrigin.METER_COOKIE, required = false) @Nullable String meterCookie,
			HttpServletRequest request, HttpServletResponse response) {
		ArticleLookup lookup = catalog.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (lookup instanceof ArticleLookup.Moved moved) {
			RedirectView redirect = new RedirectView(ArticleLinks.page(moved.currentSlug()), true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			redirect.setExposeModelAttributes(false);
			return new ModelAndView(redirect);
		}
		Article article = ((ArticleLookup.Found) lookup).article();
		ReadableArticle readable = gate.open(article, member,
				new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT), meterCookie,
						request.getParameter(RequestOrigin.FREE_READ_PARAMETER) != null));
		if (readable.personal()) {
			// A verified crawler's copy, or one an anonymous reader's meter cookie
			// decided:
			// the same address serves everyone else the preview, so no shared cache may
			// keep it.
			response.setHeader(HttpHeaders.CACHE_CONTROL, ReadingCacheHeaders.PERSONAL);
		}
		if (readable.meterCookie() != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, readable.meterCookie().toString());
		}
		// What the reader missed is read before this view joins their history.
		Catchup catchup = catchups.ofArticle(member, article);
		catchups.recordRead(member, article.id(), readable.complete());
		FollowButton follow = article.storyline() == null ? null
				: catalog.storyline(article.storyline().slug())
					.map(storyline -> FollowButton.of(storyline, member, follows, ArticleLinks.page(article.slug())))
					.orElse(null);
		return new ModelAndView("site/article").addObject("page", new ArticlePage(readable, facts.of(article)))
			.addObject("catchup", catchup)
			.addObject("follow", follow);
	}

	/**
	 * An article's address on Ghost ({@code /slug/}, with the trailing slash Ghost always
	 * writes), so links to a publication imported from Ghost keep working: 301 to the
	 * article, 404 when no article on the site has (or had) the slug. Only slug-shaped
	 * paths match, so no other page is shadowed.
	 */
	@GetMapping("/{slug:[a-z0-9]+(?:-[a-z0-9]+)*}/")
	RedirectView ghostAddress(@PathVariable String slug) {
		ArticleLookup lookup = catalog.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return MovedPermanently
			.to(ArticleLinks.page(lookup instanceof ArticleLookup.Moved moved ? moved.currentSlug() : slug));
	}

}
