package org.backstory.site;

import org.backstory.access.ArticleGate;
import org.backstory.access.GiftBrowsers;
import org.backstory.access.GiftDesk;
import org.backstory.access.GiftLinks;
import org.backstory.access.GiftPass;
import org.backstory.access.ReadableArticle;
import org.backstory.access.RequestOrigin;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.Article;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The article page's part in gift links (issue 16 §2): opening an article with a link's
 * token, counted by the server's own browser cookie, and the gift box a subscriber sees.
 * The access module decides; this only carries the token and the cookie.
 */
@Component
class GiftReading {

	private final ArticleGate gate;

	private final GiftBrowsers browsers;

	private final GiftLinks links;

	GiftReading(ArticleGate gate, GiftBrowsers browsers, GiftLinks links) {
		this.gate = gate;
		this.browsers = browsers;
		this.links = links;
	}

	/**
	 * The article as this reader receives it with the gift link's {@code token}. The
	 * browser gets its id cookie if it has none, and the page is personal whatever the
	 * link did: it may set a cookie, and it is not the page everyone else gets.
	 */
	ReadableArticle open(Article article, @Nullable SignedInMember member, RequestOrigin origin, String token,
			HttpServletRequest request, HttpServletResponse response) {
		String cookie = cookieValue(request);
		GiftBrowsers.Browser browser = browsers.of(cookie);
		if (!browser.cookieValue().equals(cookie)) {
			response.addHeader(HttpHeaders.SET_COOKIE, browsers.setCookie(browser, request.isSecure()));
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, ReadingCacheHeaders.PERSONAL);
		return gate.open(article, member, origin, new GiftPass(token, browser.id()));
	}

	/** The gift box for this reader, or null when they may not gift the article. */
	@Nullable GiftDesk desk(@Nullable SignedInMember member, Article article) {
		return links.desk(member, article).orElse(null);
	}

	private static @Nullable String cookieValue(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (GiftBrowsers.COOKIE.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
