package org.backstory.members.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.account.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfLogoutHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a member in or out from a page of ours (emailed link, sign-up confirmation, password reset, staff
 * invite, account deletion) the way the login form does: a new session id at sign-in, a fresh CSRF token,
 * the context in the session, and the session's lifetime and origin ({@link SessionStart}).
 */
@Component
class SignIn {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SessionAuthenticationStrategy sessionStrategy;

	private final CsrfLogoutHandler csrfLogout;

	private final SessionStart sessionStart;

	SignIn(CsrfTokenRepository csrfTokens, SessionStart sessionStart) {
		this.sessionStrategy = new CompositeSessionAuthenticationStrategy(
				List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
		this.csrfLogout = new CsrfLogoutHandler(csrfTokens);
		this.sessionStart = sessionStart;
	}

	void signIn(Member member, SignInMethod method, HttpServletRequest request, HttpServletResponse response) {
		MemberAuthentication authentication = new MemberAuthentication(member.signedIn());
		sessionStrategy.onAuthentication(authentication, request, response);
		save(authentication, request, response);
		sessionStart.begin(request, member.signedIn(), method);
		startCsrfToken(request);
		log.info("Signed in memberId={} method={}", member.id(), method.logName());
	}

	/** Replaces the principal in this session after the member changed their name. */
	void refresh(Member member, HttpServletRequest request, HttpServletResponse response) {
		save(new MemberAuthentication(member.signedIn()), request, response);
	}

	void signOut(HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = holder.getContext().getAuthentication();
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		csrfLogout.logout(request, response, authentication);
	}

	/**
	 * Makes the signed-in session's CSRF token now, while the sign-in request writes the session anyway, rather
	 * than on the first page after it: one session write, and pages opened at once in several tabs share it.
	 * {@code CsrfAuthenticationStrategy} has just replaced the request's token with a deferred new one, which is
	 * kept in the session now that there is one.
	 */
	static void startCsrfToken(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}

	private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(authentication);
		holder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
