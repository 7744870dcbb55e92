package org.backstory;

import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for MockMvc requests, carried the way the app carries it: a cookie plus the masked
 * form field. Use it instead of spring-security-test's {@code csrf()}, which swaps the shared CSRF filter's
 * repository for a session-backed one, so every later request to that cached context would write
 * session rows.
 */
public final class CookieCsrf {

	private CookieCsrf() {
	}

	public static RequestPostProcessor cookieCsrf() {
		return request -> {
			CsrfToken token = new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
			request.setCookies(new Cookie("XSRF-TOKEN", token.getToken()));
			new XorCsrfTokenRequestAttributeHandler().handle(request, new MockHttpServletResponse(), () -> token);
			CsrfToken masked = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			request.setParameter(token.getParameterName(), masked.getToken());
			request.removeAttribute(CsrfToken.class.getName());
			request.removeAttribute(token.getParameterName());
			return request;
		};
	}

}
