package org.backstory.email;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backstory.shared.BackstoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the transport and declares the db-scheduler tasks: one delivery per message, scheduled by
 * {@link Mailer#send} for right after commit; a drain that delivers everything due, scheduled by
 * {@link Mailer#queue} after a transaction that queued mail in bulk; and a sweeper that every minute
 * drains whatever is still pending (a crash mid-way, a failed attempt whose retry is due).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	static final TaskDescriptor<Void> DELIVERY = TaskDescriptor.of("email-delivery");

	static final TaskDescriptor<Void> DRAIN = TaskDescriptor.of("email-drain");

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	MailTransport mailTransport(MailProperties mail, BackstoryProperties backstory) {
		if (mail.smtp()) {
			log.info("Mail goes over SMTP host={} port={} starttls={}", mail.host(), mail.port(), mail.starttls());
			return new SmtpTransport(mail);
		}
		OutboxTransport outbox = new OutboxTransport(backstory.dataDir().resolve("outbox"), mail.from());
		log.info("No SMTP server configured (BACKSTORY_SMTP_HOST): mail goes to the dev outbox directory={}",
				outbox.directory().toAbsolutePath());
		return outbox;
	}

	/** Newsletters go the same way as other mail, over connections of their own. */
	@Bean
	BulkMailer bulkMailer(MailProperties mail, BackstoryProperties backstory) {
		return mail.smtp() ? new SmtpBulkMailer(mail) : new OutboxBulkMailer(backstory.dataDir().resolve("outbox"));
	}

	@Bean
	OneTimeTask<Void> mailDeliveryTask(MailDelivery delivery) {
		return Tasks.oneTime(DELIVERY).execute((instance, context) -> delivery.deliver(Long.parseLong(instance.getId())));
	}

	@Bean
	OneTimeTask<Void> mailDrainTask(MailDelivery delivery) {
		return Tasks.oneTime(DRAIN).execute((instance, context) -> delivery.drain());
	}

	@Bean
	RecurringTask<Void> mailSweeperTask(MailDelivery delivery) {
		return Tasks.recurring("email-sweeper", FixedDelay.ofMinutes(1))
			.execute((instance, context) -> delivery.drain());
	}

}
