package org.backstory.members.web;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A sign-in halfway: the password or emailed link was right, and the member's
 * authenticator code is still to come. Kept in the session under {@link #ATTRIBUTE} while
 * the session holds no authentication at all, so until the code is right the browser is
 * as anonymous as any visitor: no staff page, no account page, and no principal name by
 * which the session could be found or counted as the member's.
 *
 * @param memberId who is signing in
 * @param method how the first step was made
 * @param next where to go once signed in (a local path, already checked)
 * @param startedAt when the first step was made (app clock)
 */
record PendingSignIn(long memberId, SignInMethod method, String next, Instant startedAt) implements Serializable {

	static final String ATTRIBUTE = "backstory.pendingSignIn";

	/**
	 * How long the code may take: long enough to find the phone, short enough not to
	 * linger.
	 */
	static final Duration LIFETIME = Duration.ofMinutes(10);

	/**
	 * The request session's pending sign-in, if it has one that has not expired at
	 * {@code now}.
	 */
	static Optional<PendingSignIn> of(HttpServletRequest request, Instant now) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending
				&& now.isBefore(pending.startedAt().plus(LIFETIME))) {
			return Optional.of(pending);
		}
		return Optional.empty();
	}

}
