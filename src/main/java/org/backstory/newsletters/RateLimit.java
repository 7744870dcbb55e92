package org.backstory.newsletters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The per-minute limit on newsletter messages, shared by every node through one counter
 * row per minute. Workers ask for a batch's worth before mailing it and get what is left
 * of the minute.
 */
@Component
class RateLimit {

	private final int perMinute;

	private final RateWindowRepository repository;

	private final TransactionOperations transactions;

	private final Clock clock;

	RateLimit(NewsletterProperties properties, RateWindowRepository repository, TransactionOperations transactions,
			Clock clock) {
		this.perMinute = properties.ratePerMinute();
		this.repository = repository;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * How many of {@code wanted} messages may go now, 0 when this minute's allowance is
	 * used up.
	 */
	int acquire(int wanted) {
		if (perMinute == 0) {
			return wanted;
		}
		Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
		Integer granted = transactions.execute(status -> {
			int used = repository.lockUsed(minute);
			int allowed = Math.max(0, Math.min(wanted, perMinute - used));
			repository.use(minute, allowed);
			repository.forgetBefore(minute.minus(Duration.ofHours(1)));
			return allowed;
		});
		return granted == null ? 0 : granted;
	}

	/** When the next minute's allowance starts. */
	Instant nextMinute() {
		return clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
	}

}
