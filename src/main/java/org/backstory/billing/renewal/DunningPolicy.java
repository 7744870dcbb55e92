package org.backstory.billing.renewal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What follows a declined renewal: another try later, with the mail that goes with it, or
 * the end of the subscription. Pure, so every case is one row of a table test. How long a
 * past-due member keeps reading meanwhile (the grace period) is not decided here but by
 * the access policy, the one place that grants access.
 *
 * @param retrySchedule how long after each declined attempt the next try comes; the
 * subscription ends when the try after the last delay fails as well
 */
record DunningPolicy(List<Duration> retrySchedule) {

	DunningPolicy {
		retrySchedule = List.copyOf(retrySchedule);
	}

	/** The next step after a decline. */
	sealed interface Step {

	}

	/** The retries are used up: the subscription ends and its member is told. */
	record End() implements Step {
	}

	/**
	 * The subscription is past due and tried again at {@code at}.
	 *
	 * @param notice the mail this decline sends
	 */
	record Retry(Instant at, Notice notice) implements Step {
	}

	/** The mail a decline sends while retries remain. */
	enum Notice {

		/** The first decline, because no card is on file: add one. */
		NO_CARD,
		/** The first decline of a card: update it. */
		DECLINED,
		/** The next try is the last one. */
		LAST_RETRY_COMING,
		/** A decline between the first and the last warning: no mail. */
		NONE,
		/**
		 * The member's bank wants them to authenticate the charge: confirm it (no decline
		 * mail).
		 */
		AUTHENTICATE

	}

	/**
	 * @param failedAttempts the declines of this period, this one included (from 1)
	 * @param cardOnFile whether a card was charged; false when the member has none
	 * @param now when the decline was recorded
	 */
	Step afterDecline(int failedAttempts, boolean cardOnFile, Instant now) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("a decline counts itself: failedAttempts must be at least 1");
		}
		if (failedAttempts > retrySchedule.size()) {
			return new End();
		}
		Instant retryAt = now.plus(retrySchedule.get(failedAttempts - 1));
		if (failedAttempts == 1) {
			return new Retry(retryAt, cardOnFile ? Notice.DECLINED : Notice.NO_CARD);
		}
		return new Retry(retryAt, failedAttempts == retrySchedule.size() ? Notice.LAST_RETRY_COMING : Notice.NONE);
	}

	/**
	 * The next step after the member's bank held a charge for them to authenticate. It is
	 * not retried off-session meanwhile (the bank would hold a retry too, and the member
	 * could then confirm two charges for one period): the subscription waits, past due,
	 * until the retries would have run out, and then gets one last try. A hold when no
	 * try is left ends it.
	 * @param failedAttempts the unsuccessful tries of this period, this one included
	 * (from 1)
	 * @param now when the hold was recorded
	 */
	Step afterAuthenticationRequired(int failedAttempts, Instant now) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("a hold counts itself: failedAttempts must be at least 1");
		}
		if (failedAttempts > retrySchedule.size()) {
			return new End();
		}
		Instant lastTry = now;
		for (Duration delay : retrySchedule.subList(failedAttempts - 1, retrySchedule.size())) {
			lastTry = lastTry.plus(delay);
		}
		return new Retry(lastTry, Notice.AUTHENTICATE);
	}

	/**
	 * The failed tries a subscription waiting for authentication counts: the try after
	 * the wait is the last.
	 */
	int lastAttempt() {
		return retrySchedule.size();
	}

}
