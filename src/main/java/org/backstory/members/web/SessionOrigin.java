package org.backstory.members.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;

/**
 * How and where a session was signed in, kept in it under {@link #ATTRIBUTE}: for the
 * member's list of their sessions, for the staff's absolute session limit, and to tell a
 * session proven by an emailed link. Sessions signed in before this was kept have none;
 * their creation time stands in for the sign-in time.
 *
 * @param signedInAt when, by the app's clock
 * @param method how
 * @param device a hint such as {@code Firefox on Linux}, from the browser's User-Agent
 * @param network the IP's network, e.g. {@code 203.0.113.0/24}: enough to recognise, not
 * the address itself
 */
record SessionOrigin(Instant signedInAt, SignInMethod method, String device, String network) implements Serializable {

	static final String ATTRIBUTE = "backstory.signIn";

	/** The origin of the request's session, if it has one. */
	static Optional<SessionOrigin> of(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return Optional.ofNullable(session == null ? null : cast(session.getAttribute(ATTRIBUTE)));
	}

	/** The origin of a stored session, if it has one. */
	static Optional<SessionOrigin> of(Session session) {
		return Optional.ofNullable(cast(session.getAttribute(ATTRIBUTE)));
	}

	private static @Nullable SessionOrigin cast(@Nullable Object attribute) {
		return attribute instanceof SessionOrigin origin ? origin : null;
	}

}
