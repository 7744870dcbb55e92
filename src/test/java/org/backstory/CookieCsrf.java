package org.backstory;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for MockMvc requests, kept both places the app keeps one (the
 * session, for a request that has a session such as a signed-in member's; a cookie
 * otherwise) and carried in the masked form field. Use it instead of
 * spring-security-test's {@code csrf()}, which swaps the shared CSRF filter's repository
 * for a session-backed one, so every later request to that cached context would write
 * session rows.
 */
public final class CookieCsrf {

	private CookieCsrf() {
	}

	public static RequestPostProcessor cookieCsrf() {
		return request -> {
			String token = UUID.randomUUID().toString();
			request.setCookies(new Cookie("XSRF-TOKEN", token));
			new HttpSessionCsrfTokenRepository().saveToken(new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", token),
					request, new MockHttpServletResponse());
			request.setParameter("_csrf", masked(token));
			return request;
		};
	}

	/**
	 * The form field value a page would carry for the token {@code raw}: masked afresh,
	 * as the app masks it.
	 */
	public static String masked(String raw) {
		CsrfToken token = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", raw);
		MockHttpServletRequest request = new MockHttpServletRequest();
		new XorCsrfTokenRequestAttributeHandler().handle(request, new MockHttpServletResponse(), () -> token);
		return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
	}

}
