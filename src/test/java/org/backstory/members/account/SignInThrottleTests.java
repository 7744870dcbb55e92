package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.backstory.members.account.SignInThrottle.Counter;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	@Test
	void countsFailuresWithinTheWindowAndLocksAtTheLimit() {
		Counter counter = new Counter(3, NOW.minusSeconds(60), 0, NOW.minusSeconds(10));

		Counter fourth = counter.next(NOW, 5);
		Counter fifth = fourth.next(NOW, 5);

		assertThat(fourth.failures()).isEqualTo(4);
		assertThat(fourth.lockedUntil()).isNull();
		assertThat(fifth.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
		assertThat(fifth.lockouts()).isEqualTo(1);
		assertThat(fifth.failures()).isZero();
	}

	@Test
	void startsAFreshWindowAfterFifteenMinutes() {
		Counter counter = new Counter(4, NOW.minus(Duration.ofMinutes(16)), 0, NOW.minus(Duration.ofMinutes(16)));

		Counter next = counter.next(NOW, 5);

		assertThat(next.failures()).isEqualTo(1);
		assertThat(next.lockedUntil()).isNull();
		assertThat(next.windowStart()).isEqualTo(NOW);
	}

	@Test
	void eachLockOutWaitsTwiceAsLongUpToAnHour() {
		assertThat(Counter.lockFor(1)).isEqualTo(Duration.ofMinutes(5));
		assertThat(Counter.lockFor(2)).isEqualTo(Duration.ofMinutes(10));
		assertThat(Counter.lockFor(4)).isEqualTo(Duration.ofMinutes(40));
		assertThat(Counter.lockFor(5)).isEqualTo(Duration.ofHours(1));
		assertThat(Counter.lockFor(30)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aSecondLockOutTheSameDayLastsLonger() {
		Counter afterFirstLock = new Counter(4, NOW.minusSeconds(30), 1, NOW.minusSeconds(30));

		assertThat(afterFirstLock.next(NOW, 5).lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
	}

	@Test
	void aDayWithoutFailuresForgetsEarlierLockOuts() {
		Counter longAgo = new Counter(4, NOW.minus(Duration.ofDays(2)), 3, NOW.minus(Duration.ofDays(2)));

		Counter next = longAgo.next(NOW, 1);

		assertThat(next.lockouts()).isEqualTo(1);
		assertThat(next.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

}
