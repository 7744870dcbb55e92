package org.backstory.email;

import java.util.Locale;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.backstory.email.dkim.MessageSigner;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the transport and declares the db-scheduler tasks: one delivery per message,
 * scheduled by {@link Mailer#send} for right after commit; a drain that delivers
 * everything due, scheduled by {@link Mailer#queueAll} after a transaction that queued
 * mail in bulk; and a sweeper that every minute drains whatever is still pending (a crash
 * mid-way, a failed attempt whose retry is due).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	static final TaskDescriptor<Void> DELIVERY = TaskDescriptor.of("email-delivery");

	static final TaskDescriptor<Void> DRAIN = TaskDescriptor.of("email-drain");

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	MailTransport mailTransport(MailProperties mail, BackstoryProperties backstory, MessageSigner signer,
			MailBrands brands) {
		warnUnlessAligned(mail.from(), signer.domain());
		if (mail.smtp()) {
			log.info("Mail goes over SMTP host={} port={} starttls={}", mail.host(), mail.port(), mail.starttls());
			return new SmtpTransport(mail, signer, brands::from);
		}
		OutboxTransport outbox = new OutboxTransport(backstory.dataDir().resolve("outbox"), brands::from, signer);
		log.info("No SMTP server configured (BACKSTORY_SMTP_HOST): mail goes to the dev outbox directory={}",
				outbox.directory().toAbsolutePath());
		return outbox;
	}

	/** Newsletters go the same way as other mail, over connections of their own. */
	@Bean
	BulkMailer bulkMailer(MailProperties mail, BackstoryProperties backstory, MessageSigner signer,
			MeterRegistry meters) {
		BulkMailer transport = mail.smtp() ? new SmtpBulkMailer(mail, signer)
				: new OutboxBulkMailer(backstory.dataDir().resolve("outbox"), signer);
		return new CountedBulkMailer(transport, meters.counter(MailDelivery.SENT, "stream", "newsletter"));
	}

	@Bean
	OneTimeTask<Void> mailDeliveryTask(MailDelivery delivery) {
		return Tasks.oneTime(DELIVERY)
			.execute((instance, context) -> delivery.deliver(Long.parseLong(instance.getId())));
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

	private static void warnUnlessAligned(String from, @Nullable String signingDomain) {
		if (signingDomain != null && !aligned(from, signingDomain)) {
			log.warn("The sender's domain is not the DKIM domain, so DMARC may fail from={} dkimDomain={}", from,
					signingDomain);
		}
	}

	/**
	 * Whether DMARC can pass on a DKIM signature of {@code signingDomain} for mail from
	 * {@code from}: the two domains must share an organisational domain. Without the
	 * public suffix list only one being the other or a parent of it is recognised, so
	 * callers warn rather than fail.
	 */
	static boolean aligned(String from, String signingDomain) {
		String address;
		try {
			address = new InternetAddress(from).getAddress();
		}
		catch (AddressException ex) {
			return true;
		}
		String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		return domain.equals(signingDomain) || domain.endsWith("." + signingDomain)
				|| signingDomain.endsWith("." + domain);
	}

}
