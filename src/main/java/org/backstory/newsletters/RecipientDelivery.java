package org.backstory.newsletters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.backstory.email.BulkConnection;
import org.backstory.email.BulkMessage;
import org.backstory.email.BulkMailer;
import org.backstory.email.DeliveryFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What one worker does: claim a batch of recipients, mail them one at a time over its
 * connection, and record each outcome the moment it is known: a message the server
 * accepted is recorded (with other connections' marks, {@link SentMarks}) before the
 * connection sends the next one. The only message that can go twice is the one accepted
 * and not yet recorded when a node dies. So at most one per connection.
 */
@Component
class RecipientDelivery {

	/** How long a batch waits after the SMTP server could not be reached. */
	private static final Duration SERVER_DOWN_WAIT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(RecipientDelivery.class);

	private final NewsletterProperties properties;

	private final RecipientRepository recipients;

	private final SendRepository sends;

	private final SendContents contents;

	private final MessageComposer composer;

	private final Suppressions suppressions;

	private final RateLimit rateLimit;

	private final BulkMailer mailer;

	private final SentMarks marks;

	private final Clock clock;

	RecipientDelivery(NewsletterProperties properties, RecipientRepository recipients, SendRepository sends,
			SendContents contents, MessageComposer composer, Suppressions suppressions, RateLimit rateLimit,
			BulkMailer mailer, SentMarks marks, Clock clock) {
		this.properties = properties;
		this.recipients = recipients;
		this.sends = sends;
		this.contents = contents;
		this.composer = composer;
		this.suppressions = suppressions;
		this.rateLimit = rateLimit;
		this.mailer = mailer;
		this.marks = marks;
		this.clock = clock;
	}

	/**
	 * A worker's life: mail while there is work, wait while there is none, until the node
	 * stops.
	 */
	void run(String worker, SendWorkers workers) {
		Connection connection = new Connection();
		try {
			while (workers.isRunning()) {
				try {
					if (mailBatch(worker, connection, workers) == 0) {
						connection.close();
						sends.finishDone(clock.instant());
						workers.awaitWork();
					}
				}
				catch (RuntimeException ex) {
					// A database hiccup must not end the worker; its claims come back
					// when their lease ends.
					log.error("Newsletter worker error worker={} error={}", worker, ex.toString());
					connection.close();
					workers.awaitWork();
				}
			}
		}
		finally {
			connection.close();
		}
	}

	/** Claims and mails one batch; how many recipients it claimed. */
	int mailBatch(String worker, Connection connection, SendWorkers workers) {
		Instant now = clock.instant();
		List<ClaimedRecipient> batch = recipients.claim(worker, properties.batchSize(), now,
				now.plus(properties.lease()));
		if (batch.isEmpty()) {
			return 0;
		}
		int allowed = rateLimit.acquire(batch.size());
		if (allowed < batch.size()) {
			recipients.release(batch.subList(allowed, batch.size()), worker, rateLimit.nextMinute());
		}
		List<ClaimedRecipient> mailing = batch.subList(0, allowed);
		Set<String> suppressed = suppressions.suppressedAmong(mailing.stream().map(ClaimedRecipient::address).toList());
		for (int i = 0; i < mailing.size(); i++) {
			if (!workers.isRunning()) {
				connection.awaitRecorded();
				recipients.release(mailing.subList(i, mailing.size()), worker, clock.instant());
				break;
			}
			ClaimedRecipient recipient = mailing.get(i);
			if (suppressed.contains(Suppressions.key(recipient.address()))) {
				recipients.markDone(recipient, worker, "suppressed", "The address is on the suppression list.", false);
			}
			else if (!mail(recipient, worker, connection)) {
				recipients.release(mailing.subList(i + 1, mailing.size()), worker,
						clock.instant().plus(SERVER_DOWN_WAIT));
				break;
			}
		}
		connection.awaitRecorded();
		return batch.size();
	}

	/**
	 * Mails one recipient and hands its mark in, or records the failure; false when the
	 * connection is in trouble.
	 */
	private boolean mail(ClaimedRecipient recipient, String worker, Connection connection) {
		BulkMessage message = composer.compose(recipient, contents.newsletter(recipient.newsletterId()),
				contents.edition(recipient.sendId(), recipient.edition()));
		try {
			connection.send(message, new SentMark(recipient, worker));
			return true;
		}
		catch (DeliveryFailure failure) {
			recordFailure(recipient, worker, failure);
			return failure.replyCode() != 0 && failure.replyCode() != 421;
		}
	}

	private void recordFailure(ClaimedRecipient recipient, String worker, DeliveryFailure failure) {
		int attempts = recipient.attempts() + 1;
		String reason = failure.getMessage();
		if (failure.permanent()) {
			recipients.markDone(recipient, worker, "failed", reason, true);
			suppressions.recordHardFailure(recipient.address(), reason);
		}
		else if (attempts >= properties.maxAttempts()) {
			recipients.markDone(recipient, worker, "failed", "Gave up after " + attempts + " attempts: " + reason,
					true);
		}
		else {
			recipients.markRetry(recipient, worker, clock.instant().plus(properties.retryWait(attempts)), reason);
		}
		log.warn("Newsletter message not delivered send={} member={} attempt={} permanent={} reason={}",
				recipient.sendId(), recipient.memberId(), attempts, failure.permanent(), reason);
	}

	/**
	 * A worker's SMTP connection, opened when first needed and kept while there is work.
	 * It lets the server accept a message only once the previous one is recorded, so at
	 * most one accepted message per connection is ever unrecorded.
	 */
	final class Connection {

		private @Nullable BulkConnection open;

		private SentMarks.@Nullable Pending unrecorded;

		void send(BulkMessage message, SentMark mark) throws DeliveryFailure {
			awaitRecorded();
			if (open == null) {
				open = mailer.connect();
			}
			open.send(message);
			unrecorded = marks.submit(mark);
		}

		/** Waits until the last accepted message is recorded as sent. */
		void awaitRecorded() {
			SentMarks.Pending pending = unrecorded;
			if (pending == null) {
				return;
			}
			unrecorded = null;
			if (!pending.await()) {
				log.warn("Newsletter recipient was taken over before it was recorded send={} member={}",
						pending.mark().recipient().sendId(), pending.mark().recipient().memberId());
			}
		}

		void close() {
			if (open != null) {
				open.close();
				open = null;
			}
		}

	}

}
