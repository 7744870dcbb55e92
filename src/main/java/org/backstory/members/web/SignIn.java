package org.backstory.members.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.Member;
import org.backstory.members.account.TwoFactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
 * Signs a member in or out from a page of ours (emailed link, sign-up confirmation,
 * password reset, staff invite, owner setup, the second-factor page, account deletion)
 * the way the login form does: a new session id at sign-in, a fresh CSRF token, the
 * context in the session, and the session's lifetime and origin ({@link SessionStart}).
 * <p>
 * A staff member with two-factor on is not signed in by the first step, however it was
 * made: the session gets a {@link PendingSignIn} and no authentication, and
 * {@link SecondFactorController} signs it in once the code is right. Both steps give the
 * session a new id and a new CSRF token.
 */
@Component
class SignIn {

	private static final Logger log = LoggerFactory.getLogger(SignIn.class);

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SessionAuthenticationStrategy sessionStrategy;

	private final CsrfLogoutHandler csrfLogout;

	private final SessionStart sessionStart;

	private final TwoFactor twoFactor;

	private final Clock clock;

	SignIn(CsrfTokenRepository csrfTokens, SessionStart sessionStart, TwoFactor twoFactor, Clock clock) {
		this.sessionStrategy = new CompositeSessionAuthenticationStrategy(
				List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
		this.csrfLogout = new CsrfLogoutHandler(csrfTokens);
		this.sessionStart = sessionStart;
		this.twoFactor = twoFactor;
		this.clock = clock;
	}

	/**
	 * Signs the member in after a first step (an emailed link, a new password, an
	 * invite), or holds the sign-in for their authenticator code; returns where to send
	 * the browser: {@code next} (a checked local path), the code page, or the two-factor
	 * setup page when the owner requires it and the member has none.
	 */
	String signIn(Member member, SignInMethod method, String next, HttpServletRequest request,
			HttpServletResponse response) {
		if (twoFactor.asksCode(member)) {
			awaitCode(member.id(), method, next, request, response);
			return SecondFactorController.PATH;
		}
		complete(member, method, request, response);
		return destination(member.signedIn(), next);
	}

	/**
	 * Holds a sign-in whose first step was right until the code comes: a new session id
	 * and CSRF token, any earlier sign-in of this browser dropped, and only a
	 * {@link PendingSignIn} in the session.
	 */
	void awaitCode(long memberId, SignInMethod method, String next, HttpServletRequest request,
			HttpServletResponse response) {
		HttpSession earlier = request.getSession(false);
		if (earlier != null) {
			earlier.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			earlier.removeAttribute(SessionOrigin.ATTRIBUTE);
		}
		holder.clearContext();
		// The strategies only rotate the session id and the CSRF token; the token names
		// who is expected.
		sessionStrategy.onAuthentication(
				UsernamePasswordAuthenticationToken.unauthenticated(MemberAuthentication.principalName(memberId), null),
				request, response);
		HttpSession session = request.getSession();
		session.setMaxInactiveInterval(Math.toIntExact(PendingSignIn.LIFETIME.toSeconds()));
		session.setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(memberId, method, next, clock.instant()));
		startCsrfToken(request);
		log.info("Second factor asked memberId={} method={}", memberId, method.logName());
	}

	/**
	 * Signs the member in: the last step of every sign-in, with or without a second
	 * factor.
	 */
	void complete(Member member, SignInMethod method, HttpServletRequest request, HttpServletResponse response) {
		MemberAuthentication authentication = new MemberAuthentication(member.signedIn());
		sessionStrategy.onAuthentication(authentication, request, response);
		request.getSession().removeAttribute(PendingSignIn.ATTRIBUTE);
		save(authentication, request, response);
		sessionStart.begin(request, member.signedIn(), method);
		startCsrfToken(request);
		log.info("Signed in memberId={} method={}", member.id(), method.logName());
	}

	/**
	 * Where a member just signed in goes: {@code next}, unless the owner requires
	 * two-factor sign-in of staff and they have none, when it is the setup page.
	 */
	String destination(SignedInMember member, String next) {
		return twoFactor.mustSetUp(member) ? TwoFactorController.PATH : next;
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
	 * Makes the signed-in session's CSRF token now, while the sign-in request writes the
	 * session anyway, rather than on the first page after it: one session write, and
	 * pages opened at once in several tabs share it. {@code CsrfAuthenticationStrategy}
	 * has just replaced the request's token with a deferred new one, which is kept in the
	 * session now that there is one.
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
