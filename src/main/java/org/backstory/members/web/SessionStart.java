package org.backstory.members.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.backstory.members.SignedInMember;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * What every sign-in gives its session, whichever way it came (login form, emailed link,
 * confirmation, reset, invite): the lifetime of the member's role
 * ({@link SessionLifetimes}) and its {@link SessionOrigin}.
 */
@Component
class SessionStart {

	private final Clock clock;

	SessionStart(Clock clock) {
		this.clock = clock;
	}

	void begin(HttpServletRequest request, SignedInMember member, SignInMethod method) {
		HttpSession session = request.getSession();
		session.setMaxInactiveInterval(Math.toIntExact(SessionLifetimes.idle(member.role()).toSeconds()));
		session.setAttribute(SessionOrigin.ATTRIBUTE,
				new SessionOrigin(clock.instant(), method,
						DeviceHints.device(request.getHeader(HttpHeaders.USER_AGENT)),
						DeviceHints.network(request.getRemoteAddr())));
	}

}
