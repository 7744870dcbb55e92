package org.backstory.members.web;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.backstory.members.MemberRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * How long a signed-in session lasts (OWASP ASVS 3.3). Staff sessions, which reach
 * members' data and the publication's settings, end after 12 hours without a request and
 * 7 days after sign-in whatever happens; readers stay signed in for 30 days from their
 * last visit, as on any news site.
 */
final class SessionLifetimes {

	static final Duration STAFF_IDLE = Duration.ofHours(12);

	static final Duration STAFF_ABSOLUTE = Duration.ofDays(7);

	static final Duration READER_IDLE = Duration.ofDays(30);

	private SessionLifetimes() {
	}

	/** How long a session of {@code role} lasts without a request. */
	static Duration idle(MemberRole role) {
		return role.staff() ? STAFF_IDLE : READER_IDLE;
	}

	/**
	 * Whether a session of {@code role} signed in at {@code signedInAt} is past its
	 * absolute limit at {@code now}.
	 */
	static boolean outlived(MemberRole role, Instant signedInAt, Instant now) {
		return role.staff() && !now.isBefore(signedInAt.plus(STAFF_ABSOLUTE));
	}

	/**
	 * Whether a session, read through its attributes, is past its absolute limit: by the
	 * role it is signed in with, and the sign-in time of its {@link SessionOrigin} or,
	 * for a session from before those were kept, its creation time.
	 */
	static boolean outlived(Function<String, @Nullable Object> attributes, Instant createdAt, Instant now) {
		if (!(attributes
			.apply(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context)
				|| !(context.getAuthentication() instanceof MemberAuthentication member)) {
			return false;
		}
		Instant signedInAt = attributes.apply(SessionOrigin.ATTRIBUTE) instanceof SessionOrigin origin
				? origin.signedInAt() : createdAt;
		return outlived(member.getPrincipal().role(), signedInAt, now);
	}

}
