package org.backstory.site;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Decides who may cache a response. Anything sent to a signed-in reader is personal
 * ({@code private,
 * no-store}); anonymous GETs of reading pages (the public feeds included) are the same
 * for everyone and may be shared for a minute ({@code Vary: Cookie} keeps a shared cache
 * from serving them to someone signed in); a member's private feed, fetched by a feed
 * reader without a session, is theirs alone: a private cache may keep it but must
 * revalidate ({@code private, no-cache}, answered 304 when unchanged), and a shared cache
 * never stores it; everything else, forms and error pages included, is not stored. Static
 * assets keep their own handling.
 */
class ReadingCacheHeaders implements HandlerInterceptor {

	static final String PERSONAL = "private, no-store";

	static final String SHARED = "public, max-age=60";

	static final String NOT_STORED = "no-store";

	static final String PRIVATE_FEED = "private, no-cache";

	private static final Pattern READING_PAGES = Pattern
		.compile("/|/(p|tag|author|story|who)/[^/]+|/(tag|author|story)/[^/]+/feed\\.xml|/feed\\.xml"
				+ "|/sitemap(-news|-[0-9]+)?\\.xml|/robots\\.txt");

	private static final Pattern PRIVATE_FEEDS = Pattern.compile("/feed/[^/]+");

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof ResourceHttpRequestHandler) {
			return true;
		}
		if (trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, PERSONAL);
		}
		else if (isRead(request) && PRIVATE_FEEDS.matcher(pathOf(request)).matches()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE_FEED);
		}
		else if (isRead(request) && READING_PAGES.matcher(pathOf(request)).matches()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, SHARED);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		}
		else {
			response.setHeader(HttpHeaders.CACHE_CONTROL, NOT_STORED);
		}
		return true;
	}

	private static boolean isRead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
