package org.backstory.site;

import org.backstory.access.ArticleGate;
import org.backstory.access.ReadableArticle;
import org.backstory.access.RequestOrigin;
import org.backstory.members.SignedInMember;
import org.backstory.members.UnguessableTokens;
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
import org.springframework.web.bind.annotation.RequestParam;
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
 * they missed; an article in a storyline carries the storyline's follow button. A gift
 * link's token ({@code ?gift=}) goes to the access module with the browser's id
 * ({@link GiftReading}), and a subscriber sees the box to gift the article.
 */
@Controller
class ArticleController {

	private final ArticleCatalog catalog;

	private final ArticleGate gate;

	private final ArticleFactsCache facts;

	private final Catchups catchups;

	private final StorylineFollows follows;

	private final GiftReading gifts;

	ArticleController(ArticleCatalog catalog, ArticleGate gate, ArticleFactsCache facts, Catchups catchups,
			StorylineFollows follows, GiftReading gifts) {
		this.catalog = catalog;
		this.gate = gate;
		this.facts = facts;
		this.catchups = catchups;
		this.follows = follows;
		this.gifts = gifts;
	}

	@GetMapping("/p/{slug}")
	ModelAndView article(@PathVariable String slug, @AuthenticationPrincipal @Nullable SignedInMember member,
			@RequestParam(name = "gift", required = false) @Nullable String gift,
			@CookieValue(name = RequestOrigin.METER_COOKIE, required = false) @Nullable String meterCookie,
			HttpServletRequest request, HttpServletResponse response) {
		ArticleLookup lookup = catalog.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (lookup instanceof ArticleLookup.Moved moved) {
			// A gift link made before the slug changed keeps working.
			String target = ArticleLinks.page(moved.currentSlug())
					+ (UnguessableTokens.wellFormed(gift) ? "?gift=" + gift : "");
			RedirectView redirect = new RedirectView(target, true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			redirect.setExposeModelAttributes(false);
			return new ModelAndView(redirect);
		}
		Article article = ((ArticleLookup.Found) lookup).article();
		RequestOrigin origin = new RequestOrigin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
				meterCookie, request.getParameter(RequestOrigin.FREE_READ_PARAMETER) != null);
		ReadableArticle readable = gift == null ? gate.open(article, member, origin)
				: gifts.open(article, member, origin, gift, request, response);
		if (readable.personal()) {
			// A verified crawler's copy, one an anonymous reader's meter cookie decided,
			// or one opened with a gift link: the same address serves everyone else the
			// preview, so no shared cache may keep it.
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
			.addObject("follow", follow)
			.addObject("giftDesk", gifts.desk(member, article));
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
