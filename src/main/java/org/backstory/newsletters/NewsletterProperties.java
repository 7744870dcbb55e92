package org.backstory.newsletters;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How newsletters are sent.
 *
 * @param connections SMTP connections (and sending threads) per app node
 * ({@code BACKSTORY_NEWSLETTER_CONNECTIONS}, default 4)
 * @param ratePerMinute most messages handed to SMTP per minute across all nodes, 0 for no
 * limit ({@code BACKSTORY_NEWSLETTER_RATE_PER_MINUTE})
 * @param batchSize recipients a worker claims at a time
 * @param lease how long a claimed recipient stays with its worker; a crashed node's
 * recipients are taken over after this
 * @param idlePoll how often an idle worker looks for recipients to mail
 * @param firstRetry the wait after the first transient failure; it doubles with each
 * attempt, up to an hour
 * @param maxAttempts attempts before a recipient whose server keeps failing transiently
 * is marked failed
 */
@ConfigurationProperties("backstory.newsletters")
record NewsletterProperties(@DefaultValue("4") int connections, @DefaultValue("0") int ratePerMinute,
		@DefaultValue("50") int batchSize, @DefaultValue("5m") Duration lease, @DefaultValue("2s") Duration idlePoll,
		@DefaultValue("1m") Duration firstRetry, @DefaultValue("6") int maxAttempts) {

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	NewsletterProperties {
		if (connections < 1 || batchSize < 1 || maxAttempts < 1 || ratePerMinute < 0) {
			throw new IllegalArgumentException(
					"backstory.newsletters: connections, batch-size and max-attempts must be at least 1, rate-per-minute at least 0");
		}
	}

	/**
	 * The wait before attempt {@code attempts + 1}, after {@code attempts} transient
	 * failures.
	 */
	Duration retryWait(int attempts) {
		Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

}
