package org.backstory.email;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.backstory.email.layout.SystemMailLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends mail. A message is stored in the caller's transaction and delivered after it
 * commits, over SMTP or to the dev outbox; a rolled-back transaction sends nothing, and
 * nothing queued is lost to a crash or a restart. Delivery is at least once. Every
 * message goes out as text and HTML in the publication's look ({@link SystemMailLayout}):
 * a {@link SystemMail} is laid out from its model, and a {@link Mail} given as text only
 * is laid out from its paragraphs.
 */
@Service
public class Mailer {

	/**
	 * How long the per-message task has before the sweeper also considers a new message.
	 */
	private static final Duration SWEEP_GRACE = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	/** Marks a transaction that has already arranged a drain after its commit. */
	private static final Object DRAIN_PENDING = new Object();

	private final OutgoingMailRepository mails;

	private final Scheduler scheduler;

	private final MailTransport transport;

	private final Clock clock;

	private final SystemMailLayout layout;

	private final MailBrands brands;

	Mailer(OutgoingMailRepository mails, Scheduler scheduler, MailTransport transport, Clock clock,
			SystemMailLayout layout, MailBrands brands) {
		this.mails = mails;
		this.scheduler = scheduler;
		this.transport = transport;
		this.clock = clock;
		this.layout = layout;
		this.brands = brands;
	}

	/** Lays out {@code mail} and queues it as {@link #send(Mail)} does. */
	@Transactional
	public void send(SystemMail mail) {
		send(layout.render(mail, brands.current()));
	}

	/** {@code mail} laid out as it would be sent, without sending it: for previews. */
	public Mail preview(SystemMail mail) {
		return layout.render(mail, brands.current());
	}

	/** Lays out each of {@code mail} and queues them all as {@link #queueAll} does. */
	@Transactional
	public void queue(List<SystemMail> mail) {
		MailBrand brand = brands.current();
		queueAll(mail.stream().map(each -> layout.render(each, brand)).toList());
	}

	/**
	 * Queues {@code mail} in the current transaction (or a new one) for delivery right
	 * after commit. A mail whose {@link Mail#key()} was sent before is ignored.
	 */
	@Transactional
	public void send(Mail mail) {
		Instant now = clock.instant();
		mails.insert(laidOut(mail, brands.current()), now, now.plus(SWEEP_GRACE)).ifPresentOrElse(id -> {
			scheduler.schedule(MailConfiguration.DELIVERY.instance(String.valueOf(id)).scheduledTo(now));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					scheduler.triggerCheckForDueExecutions();
				}
			});
			log.info("Mail queued id={}", id);
		}, () -> log.info("Mail skipped as a duplicate key={}", mail.key()));
	}

	/**
	 * Queues mail that background work sends in bulk (a renewal run's receipts): stored
	 * in the caller's transaction exactly like {@link #send}, in one round trip, but
	 * delivered after commit by one drain task for the whole transaction instead of a
	 * task per message, so thousands of messages do not mean thousands of tasks. Mails
	 * whose key was queued before are ignored.
	 */
	@Transactional
	public void queueAll(List<Mail> mail) {
		if (mail.isEmpty()) {
			return;
		}
		MailBrand brand = brands.current();
		if (mails.insertAll(mail.stream().map(each -> laidOut(each, brand)).toList(), clock.instant()) == 0
				|| TransactionSynchronizationManager.hasResource(DRAIN_PENDING)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(DRAIN_PENDING, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// A drain of its own: one already running may have made its last query
				// before this commit, and would leave these messages to the sweeper.
				scheduler.schedule(
						MailConfiguration.DRAIN.instance("drain-" + UUID.randomUUID()).scheduledTo(clock.instant()));
				scheduler.triggerCheckForDueExecutions();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResource(DRAIN_PENDING);
			}
		});
	}

	/** A text-only mail in the system layout; one with its own HTML as it is. */
	private Mail laidOut(Mail mail, MailBrand brand) {
		return mail.html() == null ? layout.render(mail, brand) : mail;
	}

	/**
	 * Deletes every message to {@code address}, queued or sent, including dev outbox
	 * files: part of erasing a person's data.
	 */
	@Transactional
	public void forget(String address) {
		List<Long> ids = mails.deleteTo(address);
		if (transport instanceof OutboxTransport outbox && !ids.isEmpty()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deleteFiles(outbox, ids);
				}
			});
		}
		log.info("Mail forgotten messages={}", ids.size());
	}

	private static void deleteFiles(OutboxTransport outbox, List<Long> ids) {
		for (long id : ids) {
			try {
				outbox.delete(id);
			}
			catch (IOException ex) {
				log.warn("Could not delete outbox file id={} error={}", id, ex.toString());
			}
		}
	}

}
