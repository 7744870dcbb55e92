package org.backstory.billing.renewal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.backstory.billing.renewal.DunningPolicy.End;
import org.backstory.billing.renewal.DunningPolicy.Notice;
import org.backstory.billing.renewal.DunningPolicy.Retry;
import org.backstory.billing.renewal.DunningPolicy.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every decline of every schedule the renewal run may be given, one row each. */
class DunningPolicyTests {

	private static final Instant NOW = Instant.parse("2026-03-31T09:00:00Z");

	private static final List<Duration> STRIPE = days(1, 3, 5, 7);

	static Stream<Arguments> table() {
		return Stream.of(
				// schedule, declines so far (this one included), card on file, expected
				// step
				Arguments.of(STRIPE, 1, true, retry(1, Notice.DECLINED)),
				Arguments.of(STRIPE, 1, false, retry(1, Notice.NO_CARD)),
				Arguments.of(STRIPE, 2, true, retry(3, Notice.NONE)),
				Arguments.of(STRIPE, 2, false, retry(3, Notice.NONE)),
				Arguments.of(STRIPE, 3, true, retry(5, Notice.NONE)),
				Arguments.of(STRIPE, 3, false, retry(5, Notice.NONE)),
				Arguments.of(STRIPE, 4, true, retry(7, Notice.LAST_RETRY_COMING)),
				Arguments.of(STRIPE, 4, false, retry(7, Notice.LAST_RETRY_COMING)),
				Arguments.of(STRIPE, 5, true, new End()), Arguments.of(STRIPE, 5, false, new End()),
				Arguments.of(STRIPE, 9, true, new End()),
				// two retries: the second decline already warns of the last try
				Arguments.of(days(2, 4), 1, true, retry(2, Notice.DECLINED)),
				Arguments.of(days(2, 4), 2, true, retry(4, Notice.LAST_RETRY_COMING)),
				Arguments.of(days(2, 4), 3, true, new End()),
				// one retry: the first decline's own mail wins over the last-retry
				// warning
				Arguments.of(days(2), 1, true, retry(2, Notice.DECLINED)),
				Arguments.of(days(2), 1, false, retry(2, Notice.NO_CARD)), Arguments.of(days(2), 2, true, new End()),
				// no retries: the first decline ends the subscription
				Arguments.of(List.of(), 1, true, new End()), Arguments.of(List.of(), 1, false, new End()));
	}

	@ParameterizedTest(name = "{0}, decline {1}, card {2}: {3}")
	@MethodSource("table")
	void decidesEveryDeclineOfEverySchedule(List<Duration> schedule, int failedAttempts, boolean cardOnFile,
			Step expected) {
		assertThat(new DunningPolicy(schedule).afterDecline(failedAttempts, cardOnFile, NOW)).isEqualTo(expected);
	}

	static Stream<Arguments> holds() {
		return Stream.of(
				// schedule, unsuccessful tries so far (this hold included), expected
				// step:
				// no retry while the member is asked to authenticate, one last try when
				// the
				// retries would have run out
				Arguments.of(STRIPE, 1, retry(1 + 3 + 5 + 7, Notice.AUTHENTICATE)),
				Arguments.of(STRIPE, 3, retry(5 + 7, Notice.AUTHENTICATE)),
				Arguments.of(STRIPE, 4, retry(7, Notice.AUTHENTICATE)), Arguments.of(STRIPE, 5, new End()),
				Arguments.of(days(2), 1, retry(2, Notice.AUTHENTICATE)), Arguments.of(days(2), 2, new End()),
				Arguments.of(List.of(), 1, new End()));
	}

	@ParameterizedTest(name = "{0}, hold after {1} tries: {2}")
	@MethodSource("holds")
	void aChargeHeldForAuthenticationWaitsForTheMemberUntilTheRetriesWouldHaveRunOut(List<Duration> schedule,
			int failedAttempts, Step expected) {
		assertThat(new DunningPolicy(schedule).afterAuthenticationRequired(failedAttempts, NOW)).isEqualTo(expected);
	}

	@Test
	void aDeclineCountsItself() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DunningPolicy(STRIPE).afterDecline(0, true, NOW));
	}

	private static Retry retry(int days, Notice notice) {
		return new Retry(NOW.plus(Duration.ofDays(days)), notice);
	}

	private static List<Duration> days(long... days) {
		return Arrays.stream(days).mapToObj(Duration::ofDays).toList();
	}

}
