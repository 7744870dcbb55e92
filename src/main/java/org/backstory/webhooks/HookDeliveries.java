package org.backstory.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.shared.CommittedCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sends queued deliveries and records each attempt. A failed attempt (no answer within
 * two seconds, or an answer other than 2xx) is retried {@value #RETRIES} times, after 1,
 * 2, 4, 8 and 16 minutes; a 410 Gone answer ends the delivery and disables its webhook,
 * as Ghost does. Delivery is at least once: a crash after the receiver answered but
 * before the row was updated sends the body again, so receivers should be idempotent (the
 * body and its {@code t} timestamp tell repeats apart).
 */
@Component
class HookDeliveries {

	static final int RETRIES = 5;

	/** Ghost's header: the version of the body's shape, as Ghost 5 sends it. */
	static final String CONTENT_VERSION = "v5.0";

	private static final String DELIVERIES = "backstory.webhooks.deliveries";

	private static final Logger log = LoggerFactory.getLogger(HookDeliveries.class);

	private final HookRepository hooks;

	private final HookSender sender;

	private final HookSecrets secrets;

	private final TransactionOperations transactions;

	private final Clock clock;

	/**
	 * Attempts the receiver answered with a 2xx
	 * ({@code backstory_webhooks_deliveries_total}).
	 */
	private final CommittedCounter succeeded;

	/** Attempts that failed: every failed try, a retried one included. */
	private final CommittedCounter failed;

	HookDeliveries(HookRepository hooks, HookSender sender, HookSecrets secrets, TransactionOperations transactions,
			Clock clock, MeterRegistry meters) {
		this.hooks = hooks;
		this.sender = sender;
		this.secrets = secrets;
		this.transactions = transactions;
		this.clock = clock;
		this.succeeded = new CommittedCounter(meters.counter(DELIVERIES, "outcome", "succeeded"));
		this.failed = new CommittedCounter(meters.counter(DELIVERIES, "outcome", "failed"));
	}

	/**
	 * Attempts delivery {@code id} if it is still pending, due, and no other node is
	 * attempting it.
	 */
	void deliver(long id) {
		transactions.executeWithoutResult(status -> hooks.lockPending(id, clock.instant()).ifPresent(this::attempt));
	}

	/** Attempts every pending delivery whose time has come; how many. */
	int deliverDue() {
		List<Long> due = hooks.due(clock.instant(), 100);
		due.forEach(this::deliver);
		return due.size();
	}

	private void attempt(HookRepository.PendingDelivery delivery) {
		Instant now = clock.instant();
		int attempts = delivery.attempts() + 1;
		if (!delivery.hookActive()) {
			hooks.recordAttempt(delivery.id(), "failed", delivery.attempts(), null, "The webhook is disabled.", null,
					now);
			failed.increment();
			return;
		}
		Optional<String> secret = secrets.open(delivery.hookId(), delivery.sealedSecret());
		if (secret.isEmpty()) {
			hooks.recordAttempt(delivery.id(), "failed", delivery.attempts(), null,
					"The webhook's secret does not open with this server's key; delete the webhook and add it again.",
					null, now);
			log.error("Webhook secret does not open hookId={}", delivery.hookId());
			failed.increment();
			return;
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Content-Version", CONTENT_VERSION);
		headers.put(Signature.HEADER, Signature.header(secret.get(), delivery.body(), now.toEpochMilli()));
		HookSender.Outcome outcome = sender.send(TargetUrl.parse(delivery.targetUrl()), delivery.body(), headers);
		(outcome.delivered() ? succeeded : failed).increment();
		if (outcome.delivered()) {
			hooks.recordAttempt(delivery.id(), "delivered", attempts, outcome.code(), null, null, now);
		}
		else if (outcome.gone()) {
			hooks.recordAttempt(delivery.id(), "failed", attempts, outcome.code(), null, null, now);
			hooks.setActive(delivery.hookId(), false, "The receiver answered 410 Gone on " + now + ".");
			hooks.dropUnwatchedSnapshots();
			log.info("Webhook disabled by a 410 answer hookId={}", delivery.hookId());
		}
		else {
			boolean givenUp = attempts > RETRIES;
			hooks.recordAttempt(delivery.id(), givenUp ? "failed" : "pending", attempts, outcome.code(),
					outcome.error(), givenUp ? null : now.plus(wait(attempts)), now);
		}
		log.info("Webhook delivery attempted deliveryId={} hookId={} event={} attempt={} code={}", delivery.id(),
				delivery.hookId(), delivery.event(), attempts, outcome.code());
	}

	/** The wait after failed attempt number {@code attempts}: 1, 2, 4, 8, 16 minutes. */
	static Duration wait(int attempts) {
		return Duration.ofMinutes(1L << Math.min(attempts - 1, 4));
	}

}
