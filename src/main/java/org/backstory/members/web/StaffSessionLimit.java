package org.backstory.members.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session 7 days after its sign-in, however busy ({@link SessionLifetimes});
 * the request goes on as a signed-out one. Runs after Spring Session's filter and before
 * Spring Security's, so no rule of the security configuration ever sees the session.
 * Readers' sessions have no such limit and are left alone.
 */
final class StaffSessionLimit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(StaffSessionLimit.class);

	private final Clock clock;

	StaffSessionLimit(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && SessionLifetimes.outlived(session::getAttribute,
				Instant.ofEpochMilli(session.getCreationTime()), clock.instant())) {
			session.invalidate();
			log.info("Staff session ended at its absolute limit");
		}
		chain.doFilter(request, response);
	}

}
