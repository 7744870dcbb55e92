package org.backstory.members.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where the login form sends a reader: to {@code next} (a local path only) after signing
 * in (or to the two-factor setup page when the owner requires it of a staff member
 * without it), to the code page when the password was right and a second factor is due,
 * back to the form with a generic error after failing, and to the form, remembering the
 * page, when a page needs a signed-in member. Only a successful sign-in touches the
 * session (its lifetime and origin, as every sign-in sets them: {@link SessionStart}, and
 * the new session's CSRF token: {@link SignIn#startCsrfToken}), so a failed attempt
 * leaves no session row.
 */
@Component
public class SignInRedirects
		implements AuthenticationSuccessHandler, AuthenticationFailureHandler, AuthenticationEntryPoint {

	private final SessionStart sessionStart;

	private final SignIn signIn;

	SignInRedirects(SessionStart sessionStart, SignIn signIn) {
		this.sessionStart = sessionStart;
		this.signIn = signIn;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String next = SafeRedirect.localPathOr(request.getParameter("next"), "/");
		if (authentication instanceof MemberAuthentication member) {
			sessionStart.begin(request, member.getPrincipal(), SignInMethod.PASSWORD);
			next = signIn.destination(member.getPrincipal(), next);
		}
		SignIn.startCsrfToken(request);
		response.sendRedirect(request.getContextPath() + next);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof SecondFactorRequired pending) {
			signIn.awaitCode(pending.memberId(), SignInMethod.PASSWORD,
					SafeRedirect.localPathOr(request.getParameter("next"), "/"), request, response);
			response.sendRedirect(request.getContextPath() + SecondFactorController.PATH);
			return;
		}
		String error = "credentials";
		if (exception instanceof LoginThrottledException throttled) {
			error = throttled.addressLocked() ? "locked" : "throttled";
		}
		response.sendRedirect(request.getContextPath() + loginPath(error, request.getParameter("next")));
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		@Nullable String next = null;
		if ("GET".equals(request.getMethod())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			next = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
		}
		response.sendRedirect(request.getContextPath() + loginPath(null, next));
	}

	static String loginPath(@Nullable String error, @Nullable String next) {
		StringBuilder path = new StringBuilder("/login");
		String separator = "?";
		if (error != null) {
			path.append(separator).append("error=").append(error);
			separator = "&";
		}
		String local = SafeRedirect.localPathOr(next, "");
		if (!local.isEmpty() && !local.equals("/")) {
			path.append(separator).append("next=").append(URLEncoder.encode(local, StandardCharsets.UTF_8));
		}
		return path.toString();
	}

}
