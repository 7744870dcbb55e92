package org.backstory.members;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Keeps the CSRF token in the session when the request has one, and in a cookie
 * otherwise.
 * <p>
 * A cookie alone is a double submit that anyone who can set a cookie for this host can
 * win: a sibling subdomain, or a man in the middle on plain http, plants
 * {@code XSRF-TOKEN} and posts a form carrying the same value. A token kept in the
 * session cannot be planted, so a signed-in member's forms are safe from that. Anonymous
 * visitors have no session and get none from here (a session row per page view is what
 * the cookie avoids), so the forms they post (sign-in, sign-up, password reset) keep the
 * cookie.
 * <p>
 * Sign-in and sign-out clear both places ({@code CsrfAuthenticationStrategy},
 * {@code CsrfLogoutHandler}); the next page makes a new token, in the session once the
 * member has one.
 */
final class SessionBoundCsrfTokenRepository implements CsrfTokenRepository {

	static final String COOKIE_NAME = "XSRF-TOKEN";

	/**
	 * The header the editor's script and uploads send the token in: the same whichever
	 * place keeps it.
	 */
	static final String HEADER_NAME = "X-XSRF-TOKEN";

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

	SessionBoundCsrfTokenRepository() {
		sessions.setHeaderName(HEADER_NAME);
		cookies.setHeaderName(HEADER_NAME);
		cookies.setCookieName(COOKIE_NAME);
		cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return sessions.generateToken(request);
	}

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			sessions.saveToken(null, request, response);
			if (WebUtils.getCookie(request, COOKIE_NAME) != null) {
				cookies.saveToken(null, request, response);
			}
		}
		else if (hasSession(request)) {
			sessions.saveToken(token, request, response);
		}
		else {
			cookies.saveToken(token, request, response);
		}
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return hasSession(request) ? sessions.loadToken(request) : cookies.loadToken(request);
	}

	private static boolean hasSession(HttpServletRequest request) {
		return request.getSession(false) != null;
	}

}
