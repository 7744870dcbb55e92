package org.backstory.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.backstory.shared.CommittedCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Hands queued messages to the transport and records the outcome. A failed attempt is
 * retried by the sweeper with growing waits (1, 2, 4 ... minutes, at most 6 hours) until
 * {@value #MAX_ATTEMPTS} attempts. Delivery is at least once: a crash after the server
 * accepted a message but before the row was marked sent delivers it again.
 */
@Component
class MailDelivery {

	static final int MAX_ATTEMPTS = 10;

	/**
	 * Messages the mail server accepted, by stream ({@code system} or
	 * {@code newsletter}).
	 */
	static final String SENT = "backstory.mail.sent";

	private static final Duration LONGEST_WAIT = Duration.ofHours(6);

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final OutgoingMailRepository mails;

	private final MailTransport transport;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final CommittedCounter sent;

	MailDelivery(OutgoingMailRepository mails, MailTransport transport, TransactionOperations transactions, Clock clock,
			MeterRegistry meters) {
		this.mails = mails;
		this.transport = transport;
		this.transactions = transactions;
		this.clock = clock;
		this.sent = new CommittedCounter(meters.counter(SENT, "stream", "system"));
	}

	/**
	 * Delivers message {@code id} if it is still pending and nobody else is delivering
	 * it.
	 */
	void deliver(long id) {
		transactions.executeWithoutResult(status -> mails.lockPending(id).ifPresent(this::attempt));
	}

	/**
	 * Delivers pending messages whose next attempt is due, up to 100; returns how many
	 * were tried. Each is picked and locked by one query that skips the messages other
	 * deliveries hold: drains that run at once (one per bulk-queuing transaction, and the
	 * sweeper) share out the queue instead of each trying every message.
	 */
	int deliverDue() {
		int tried = 0;
		while (tried < 100 && deliverNextDue()) {
			tried++;
		}
		return tried;
	}

	private boolean deliverNextDue() {
		return Boolean.TRUE.equals(transactions.execute(status -> mails.lockNextDue(clock.instant()).map(mail -> {
			attempt(mail);
			return true;
		}).orElse(false)));
	}

	/** Delivers due messages until none is left; returns how many were tried. */
	int drain() {
		int tried = 0;
		for (int batch = deliverDue(); batch > 0; batch = deliverDue()) {
			tried += batch;
		}
		return tried;
	}

	private void attempt(OutgoingMail mail) {
		try {
			transport.deliver(mail);
			mails.markSent(mail.id(), clock.instant());
			sent.increment();
			log.info("Mail delivered id={} transport={} attempt={}", mail.id(), transport.name(), mail.attempts() + 1);
		}
		catch (Exception ex) {
			int attempts = mail.attempts() + 1;
			boolean givenUp = attempts >= MAX_ATTEMPTS;
			Instant next = clock.instant().plus(wait(attempts));
			mails.markFailed(mail.id(), attempts, next, givenUp, describe(ex));
			log.warn("Mail delivery failed id={} transport={} attempt={} givenUp={} error={}", mail.id(),
					transport.name(), attempts, givenUp, describe(ex));
		}
	}

	static Duration wait(int attempts) {
		Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 16));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	private static String describe(Exception ex) {
		String message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

}
