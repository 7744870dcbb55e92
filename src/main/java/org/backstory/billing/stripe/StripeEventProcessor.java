package org.backstory.billing.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.billing.payment.PaymentGatewaySelection;
import org.backstory.billing.stripe.StripeEventRepository.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
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

	private final StripeEventRepository events;

	private final StripeEventHandler handler;

	private final JsonMapper json;

	private final Clock clock;

	StripeEventProcessor(StripeEventRepository events, StripeEventHandler handler, JsonMapper json, Clock clock) {
		this.events = events;
		this.handler = handler;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Tries to process the event if it is due and nobody else is at it.
	 * @return when to look again, or empty once it is processed (or not ours to look at)
	 */
	Optional<Instant> process(String eventId) {
		Instant now = clock.instant();
		Optional<Claimed> claimed = events.claim(eventId, now, now.plus(LEASE));
		if (claimed.isEmpty()) {
			return events.nextAttemptOf(eventId);
		}
		try {
			handler.handle(StripeEvent.parse(json, claimed.get().payload())
				.orElseThrow(() -> new IllegalStateException("stored payload is not an event")));
		}
		catch (RuntimeException ex) {
			Instant retryAt = clock.instant().plus(backoff(claimed.get().attempts()));
			events.recordFailure(eventId, abbreviate(ex.toString()), retryAt);
			log.warn("Stripe event failed id={} type={} attempts={} retryAt={} error={}", eventId, claimed.get().type(),
					claimed.get().attempts(), retryAt, ex.toString());
			return Optional.of(retryAt);
		}
		events.markProcessed(eventId, clock.instant());
		log.info("Stripe event processed id={} type={} attempts={}", eventId, claimed.get().type(),
				claimed.get().attempts());
		return Optional.empty();
	}

	/**
	 * Processes every event that is due, oldest first: the safety net behind the
	 * per-event tasks.
	 */
	int processDue() {
		List<String> due = events.due(clock.instant(), SWEEP_BATCH);
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

	private static String abbreviate(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

}
