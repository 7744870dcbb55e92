package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	RateLimit(NewsletterProperties properties, JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
		this.perMinute = properties.ratePerMinute();
		this.jdbc = jdbc;
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
			jdbc.sql("insert into newsletters.rate_window (minute, used) values (:minute, 0) on conflict do nothing")
				.param("minute", Timestamp.from(minute))
				.update();
			int used = jdbc.sql("select used from newsletters.rate_window where minute = :minute for update")
				.param("minute", Timestamp.from(minute))
				.query(Integer.class)
				.single();
			int allowed = Math.max(0, Math.min(wanted, perMinute - used));
			jdbc.sql("update newsletters.rate_window set used = used + :allowed where minute = :minute")
				.param("allowed", allowed)
				.param("minute", Timestamp.from(minute))
				.update();
			jdbc.sql("delete from newsletters.rate_window where minute < :old")
				.param("old", Timestamp.from(minute.minus(Duration.ofHours(1))))
				.update();
			return allowed;
		});
		return granted == null ? 0 : granted;
	}

	/** When the next minute's allowance starts. */
	Instant nextMinute() {
		return clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
	}

}
