package org.backstory.billing.stripe;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.payment.PaymentGatewaySelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes stored Stripe events. An attempt first claims the event with a lease (so two
 * nodes, or the per-event task and the sweeper, never handle it at once), then handles it
 * and marks it processed; a failure is recorded with the time of the next try, sooner at
 * first and at most an hour apart, for as long as it takes. A crash mid-way leaves the
 * lease to run out, and the event is tried again.
 */
@Component
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripeEventProcessor {

	static final Duration LEASE = Duration.ofMinutes(5);

	static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private static final int SWEEP_BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(StripeEventProcessor.class);

	private final JdbcClient jdbc;

	private final StripeEventHandler handler;

	private final JsonMapper json;

	private final Clock clock;

	StripeEventProcessor(JdbcClient jdbc, StripeEventHandler handler, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.handler = handler;
		this.json = json;
		this.clock = clock;
	}

	private record Claimed(String type, int attempts, String payload) {
	}

	/**
	 * Tries to process the event if it is due and nobody else is at it.
	 * @return when to look again, or empty once it is processed (or not ours to look at)
	 */
	Optional<Instant> process(String eventId) {
		Instant now = clock.instant();
		Optional<Claimed> claimed = jdbc.sql("""
				update billing.stripe_event set attempts = attempts + 1, next_attempt_at = :leaseEnd
				where id = :id and processed_at is null and next_attempt_at <= :now
				returning type, attempts, payload::text
				""")
			.param("id", eventId)
			.param("now", Timestamp.from(now))
			.param("leaseEnd", Timestamp.from(now.plus(LEASE)))
			.query((rs, row) -> new Claimed(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.optional();
		if (claimed.isEmpty()) {
			return nextAttemptOf(eventId);
		}
		try {
			handler.handle(StripeEvent.parse(json, claimed.get().payload())
				.orElseThrow(() -> new IllegalStateException("stored payload is not an event")));
		}
		catch (RuntimeException ex) {
			Instant retryAt = clock.instant().plus(backoff(claimed.get().attempts()));
			jdbc.sql("""
					update billing.stripe_event set last_error = :error, next_attempt_at = :retryAt
					where id = :id and processed_at is null
					""")
				.param("id", eventId)
				.param("error", abbreviate(ex.toString()))
				.param("retryAt", Timestamp.from(retryAt))
				.update();
			log.warn("Stripe event failed id={} type={} attempts={} retryAt={} error={}", eventId, claimed.get().type(),
					claimed.get().attempts(), retryAt, ex.toString());
			return Optional.of(retryAt);
		}
		jdbc.sql("""
				update billing.stripe_event set processed_at = :now, next_attempt_at = null, last_error = null
				where id = :id
				""").param("id", eventId).param("now", Timestamp.from(clock.instant())).update();
		log.info("Stripe event processed id={} type={} attempts={}", eventId, claimed.get().type(),
				claimed.get().attempts());
		return Optional.empty();
	}

	/**
	 * Processes every event that is due, oldest first: the safety net behind the
	 * per-event tasks.
	 */
	int processDue() {
		List<String> due = jdbc.sql("""
				select id from billing.stripe_event where processed_at is null and next_attempt_at <= :now
				order by created, id limit :limit
				""")
			.param("now", Timestamp.from(clock.instant()))
			.param("limit", SWEEP_BATCH)
			.query(String.class)
			.list();
		due.forEach(this::process);
		return due.size();
	}

	/**
	 * How long to wait after the given number of failed attempts: 5 s, doubling, at most
	 * an hour.
	 */
	static Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 20);
		Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
		return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
	}

	private Optional<Instant> nextAttemptOf(String eventId) {
		return jdbc.sql("select next_attempt_at from billing.stripe_event where id = :id and processed_at is null")
			.param("id", eventId)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	private static String abbreviate(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

}
