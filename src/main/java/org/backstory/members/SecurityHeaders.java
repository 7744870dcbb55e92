package org.backstory.members;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What every response tells the browser it may do with it: where scripts, styles and
 * images may come from (Content-Security-Policy), who may frame it, how much of its
 * address links from it pass on, and which device features it may ask for.
 * {@code X-Content-Type-Options: nosniff} and HSTS (on https) come from Spring Security's
 * defaults. A header a handler set itself is left alone.
 * <p>
 * No page has inline script or style: the only script is {@code /assets/editor.js} and
 * the accent colour comes from a stylesheet, so {@code 'self'} covers both without
 * nonces, and anonymous pages stay the same for every reader (shared caches may keep
 * them). The JSON-LD block on article pages is data, not script, and is not subject to
 * {@code script-src}. Images may come from any https host, as imported articles link
 * pictures on other sites.
 */
final class SecurityHeaders implements HeaderWriter {

	/**
	 * Pages whose address carries a secret token (sign-in link, password reset, address
	 * verification, staff invite, gift, unsubscribe, unfollow, newsletter preferences,
	 * address confirmation). Links followed from them send no {@code Referer}, so the
	 * token never reaches another site (or our own logs of the next page). A new route
	 * that takes a token in its path or query string belongs here.
	 */
	static final List<String> TOKEN_PAGES = List.of("/login/link", "/password/reset", "/verify", "/staff/invite",
			"/setup", "/email/change", "/gift/redeem/*", "/unsubscribe/*", "/unfollow/*", "/newsletters/preferences/*",
			"/newsletters/confirm-address/*", "/feed/*",
			// newsletter open pixel and click redirects (their tokens name the member)
			"/e/o/*", "/e/c/*");

	/** Staff screens: never framed, not even by the site itself. */
	static final String ADMIN = "/admin/**";

	/**
	 * A newsletter edition as its recipients see it: mail HTML, styled inline as mail
	 * clients need, so it gets a policy of its own that allows inline style and nothing
	 * else (no script at all).
	 */
	static final String MAIL_VIEWS = "/admin/newsletters/sends/*/editions/*";

	/** A welcome mail's preview: mail HTML like {@link #MAIL_VIEWS}. */
	static final String WELCOME_PREVIEWS = "/admin/settings/welcome/*/preview";

	/**
	 * Stripe Checkout: the card form is Stripe's page, reached by a redirect after our
	 * form is posted.
	 */
	private static final String CHECKOUT = "https://checkout.stripe.com";

	private static final String IMAGES = "img-src 'self' data: https:";

	static final String READER_POLICY = policy("'self' " + CHECKOUT, "'self'");

	static final String ADMIN_POLICY = policy("'self'", "'none'");

	static final String MAIL_VIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; " + IMAGES
			+ "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
			+ "microphone=(), payment=(), usb=()";

	private final RequestMatcher tokenPages = new OrRequestMatcher(
			TOKEN_PAGES.stream().map(SecurityHeaders::path).toList());

	private final RequestMatcher admin = path(ADMIN);

	private final RequestMatcher mailViews = new OrRequestMatcher(path(MAIL_VIEWS), path(WELCOME_PREVIEWS));

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		boolean staffScreen = admin.matches(request);
		String policy = mailViews.matches(request) ? MAIL_VIEW_POLICY : staffScreen ? ADMIN_POLICY : READER_POLICY;
		setIfAbsent(response, "Content-Security-Policy", policy);
		setIfAbsent(response, "X-Frame-Options", staffScreen ? "DENY" : "SAMEORIGIN");
		setIfAbsent(response, "Referrer-Policy",
				tokenPages.matches(request) ? "no-referrer" : "strict-origin-when-cross-origin");
		setIfAbsent(response, "Permissions-Policy", PERMISSIONS);
	}

	/**
	 * Answers a request Spring Security's firewall refuses (a semicolon or an encoded
	 * slash in the path) with 400 and the same headers: the firewall refuses before the
	 * header filter runs, and the error page after it is not filtered again.
	 */
	static RequestRejectedHandler rejectedRequests() {
		HeaderWriter nosniff = new XContentTypeOptionsHeaderWriter();
		HeaderWriter policies = new SecurityHeaders();
		return (request, response, refusal) -> {
			nosniff.writeHeaders(request, response);
			policies.writeHeaders(request, response);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		};
	}

	private static String policy(String formAction, String frameAncestors) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; " + IMAGES
				+ "; object-src 'none'; base-uri 'none'; form-action " + formAction + "; frame-ancestors "
				+ frameAncestors;
	}

	private static void setIfAbsent(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

}
