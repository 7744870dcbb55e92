package org.backstory.members;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;

/**
 * A stored session whose last-access time only moves when it is at least
 * {@link #writeInterval()} old. Spring Session sets it on every request, and the JDBC
 * store then rewrites the session row on every page view; skipping the small moves leaves
 * the row (and the database) alone for ordinary reading. Expiry is reckoned from the
 * stored time, so a session may end up to one interval sooner than it would have.
 */
final class ThrottledSession<S extends Session> implements Session {

	static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);

	private final S stored;

	ThrottledSession(S stored) {
		this.stored = stored;
	}

	S stored() {
		return stored;
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(writeInterval()))) {
			stored.setLastAccessedTime(lastAccessedTime);
		}
	}

	/**
	 * A tenth of the session's lifetime if that is shorter than {@link #WRITE_INTERVAL},
	 * so no session outlives its time.
	 */
	Duration writeInterval() {
		Duration lifetime = stored.getMaxInactiveInterval();
		Duration tenth = lifetime.dividedBy(10);
		return lifetime.isNegative() || tenth.compareTo(WRITE_INTERVAL) >= 0 ? WRITE_INTERVAL : tenth;
	}

	@Override
	public String getId() {
		return stored.getId();
	}

	@Override
	public String changeSessionId() {
		return stored.changeSessionId();
	}

	@Override
	public <T> @Nullable T getAttribute(String attributeName) {
		return stored.getAttribute(attributeName);
	}

	@Override
	public Set<String> getAttributeNames() {
		return stored.getAttributeNames();
	}

	@Override
	public void setAttribute(String attributeName, @Nullable Object attributeValue) {
		stored.setAttribute(attributeName, attributeValue);
	}

	@Override
	public void removeAttribute(String attributeName) {
		stored.removeAttribute(attributeName);
	}

	@Override
	public Instant getCreationTime() {
		return stored.getCreationTime();
	}

	@Override
	public Instant getLastAccessedTime() {
		return stored.getLastAccessedTime();
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		stored.setMaxInactiveInterval(interval);
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return stored.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return stored.isExpired();
	}

}
