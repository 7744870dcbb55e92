package org.backstory.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class ThrottledSessionTests {

	private static final Instant STORED = Instant.parse("2026-11-29T10:00:00Z");

	private final MapSession stored = new MapSession("id");

	private final ThrottledSession<MapSession> session = new ThrottledSession<>(stored);

	ThrottledSessionTests() {
		stored.setMaxInactiveInterval(Duration.ofDays(30));
		stored.setLastAccessedTime(STORED);
	}

	@Test
	void aRequestWithinAMinuteOfTheStoredAccessLeavesItAlone() {
		session.setLastAccessedTime(STORED.plusSeconds(59));

		assertThat(stored.getLastAccessedTime()).isEqualTo(STORED);
	}

	@Test
	void aRequestAMinuteOrMoreLaterMovesIt() {
		session.setLastAccessedTime(STORED.plusSeconds(60));

		assertThat(stored.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(60));
	}

	@Test
	void aShortLivedSessionMovesItAfterATenthOfItsLifetime() {
		stored.setMaxInactiveInterval(Duration.ofMinutes(5));

		session.setLastAccessedTime(STORED.plusSeconds(29));
		assertThat(stored.getLastAccessedTime()).isEqualTo(STORED);

		session.setLastAccessedTime(STORED.plusSeconds(30));
		assertThat(stored.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(30));
	}

	@Test
	void everythingElseGoesToTheStoredSession() {
		session.setAttribute("name", "value");
		session.setMaxInactiveInterval(Duration.ofHours(1));

		assertThat(stored.<String>getAttribute("name")).isEqualTo("value");
		assertThat(session.getAttributeNames()).containsExactly("name");
		assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(1));
		String id = session.changeSessionId();
		assertThat(stored.getId()).isEqualTo(id).isEqualTo(session.getId());
		session.removeAttribute("name");
		assertThat(stored.getAttributeNames()).isEmpty();
	}

}
