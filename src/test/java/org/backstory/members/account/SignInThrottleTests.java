package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.backstory.members.account.SignInThrottle.Counter;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	@Test
	void countsAttemptsUpToTheLimitAndLocksOnTheNextOne() {
		Counter counter = new Counter(4, NOW.minusSeconds(60), 0, NOW.minusSeconds(10), null);

		Counter fifth = counter.reserve(NOW, 5);
		Counter sixth = fifth.reserve(NOW, 5);

		assertThat(fifth.attempts()).isEqualTo(5);
		assertThat(fifth.lockedAt(NOW)).isFalse();
		assertThat(sixth.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
		assertThat(sixth.lockedAt(NOW)).isTrue();
		assertThat(sixth.lockouts()).isEqualTo(1);
		assertThat(sixth.attempts()).as("counting begins again after the lock").isZero();
	}

	@Test
	void startsAFreshWindowAfterFifteenMinutes() {
		Counter counter = new Counter(5, NOW.minus(Duration.ofMinutes(16)), 0, NOW.minus(Duration.ofMinutes(16)), null);

		Counter next = counter.reserve(NOW, 5);

		assertThat(next.attempts()).isEqualTo(1);
		assertThat(next.lockedAt(NOW)).isFalse();
		assertThat(next.windowStart()).isEqualTo(NOW);
	}

	@Test
	void eachLockOutWaitsTwiceAsLongUpToAnHour() {
		assertThat(Counter.lockFor(1)).isEqualTo(Duration.ofMinutes(5));
		assertThat(Counter.lockFor(2)).isEqualTo(Duration.ofMinutes(10));
		assertThat(Counter.lockFor(3)).isEqualTo(Duration.ofMinutes(20));
		assertThat(Counter.lockFor(4)).isEqualTo(Duration.ofMinutes(40));
		assertThat(Counter.lockFor(5)).isEqualTo(Duration.ofHours(1));
		assertThat(Counter.lockFor(30)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aSecondLockOutTheSameDayLastsLonger() {
		Counter afterFirstLock = new Counter(5, NOW.minusSeconds(30), 1, NOW.minusSeconds(30), NOW.minusSeconds(60));

		assertThat(afterFirstLock.reserve(NOW, 5).lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void aDayWithoutAttemptsForgetsEarlierLockOuts() {
		Counter longAgo = new Counter(1, NOW.minus(Duration.ofDays(2)), 3, NOW.minus(Duration.ofDays(2)), null);

		Counter next = longAgo.reserve(NOW, 1).reserve(NOW, 1);

		assertThat(next.lockouts()).isEqualTo(1);
		assertThat(next.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void aLockIsOverWhenItsTimeHasComeAndItsEndIsKept() {
		Instant end = NOW.minusSeconds(1);
		Counter expired = new Counter(0, NOW.minus(Duration.ofMinutes(6)), 1, NOW.minus(Duration.ofMinutes(6)), end);

		Counter next = expired.reserve(NOW, 5);

		assertThat(expired.lockedAt(end.minusSeconds(1))).isTrue();
		assertThat(expired.lockedAt(end)).isFalse();
		assertThat(next.lockedAt(NOW)).isFalse();
		assertThat(next.lockedUntil()).isEqualTo(end);
		assertThat(next.attempts()).isEqualTo(1);
	}

}
