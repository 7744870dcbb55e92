package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.backstory.Visitor;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.BackstoryProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail through the dev outbox, the transport when no SMTP server is configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Mailer mailer;

	@Autowired
	MailDelivery delivery;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BackstoryProperties properties;

	@Autowired
	PublicationService publications;

	@Test
	void aCommittedMailIsDeliveredToTheOutboxAsAnEmlFile() throws IOException {
		String to = address();

		transactions.executeWithoutResult(
				status -> mailer.send(new Mail(to, "Héllo from the outbox", "Plain text body", "<p>HTML body</p>")));

		SentMail mail = SentMail.lastTo(jdbc, to);
		Await.until("the mail is sent", () -> "SENT".equals(status(mail.id())));
		Path file = outboxFile(mail.id());
		String eml = Files.readString(file);
		assertThat(eml).contains("To: " + to)
			.contains("From: " + publications.publication().name() + " <no-reply@localhost>")
			.contains("Plain text body")
			.contains("text/html");
	}

	@Test
	void mailQueuedInBulkIsDrainedAfterCommitWithoutATaskPerMessage() {
		String to = address();
		long tasksBefore = deliveryTasks();

		transactions.executeWithoutResult(status -> {
			for (int batch = 0; batch < 3; batch++) {
				List<Mail> mails = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					mails.add(Mail.text(to, "Receipt " + batch + "-" + i, "Thank you")
						.withKey("bulk-" + to + "-" + batch + "-" + i));
				}
				mailer.queueAll(mails);
			}
			assertThat(deliveryTasks()).as("no task per message").isEqualTo(tasksBefore);
		});

		Await.until("all 150 are sent",
				() -> jdbc.sql("select count(*) from email.outgoing_mail where recipient = :to and status = 'SENT'")
					.param("to", to)
					.query(Long.class)
					.single() == 150);
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		String to = address();

		transactions.executeWithoutResult(status -> {
			mailer.send(Mail.text(to, "Never", "This transaction rolls back"));
			status.setRollbackOnly();
		});

		assertThat(SentMail.countTo(jdbc, to)).isZero();
	}

	@Test
	void aMailWithAKeyAlreadySentIsIgnored() {
		String to = address();
		String key = "receipt-" + UUID.randomUUID();

		mailer.send(Mail.text(to, "Receipt", "Thanks").withKey(key));
		mailer.send(Mail.text(to, "Receipt", "Thanks").withKey(key));

		assertThat(SentMail.countTo(jdbc, to)).isEqualTo(1);
	}

	@Test
	void theSweeperDeliversMailWhoseTaskWasLost() {
		String to = address();
		Instant past = Instant.now().minusSeconds(600);
		long id = jdbc.sql("""
				insert into email.outgoing_mail (recipient, subject, text_body, next_attempt_at, created_at)
				values (:to, 'Left behind', 'Queued before a crash', :past, :past) returning id""")
			.param("to", to)
			.param("past", Timestamp.from(past))
			.query(Long.class)
			.single();

		delivery.deliverDue();

		assertThat(status(id)).isEqualTo("SENT");
		assertThat(outboxFile(id)).exists();
	}

	@Test
	void forgettingAnAddressDeletesItsMailAndOutboxFiles() {
		String to = address();
		mailer.send(Mail.text(to, "Personal", "About you"));
		long id = SentMail.lastTo(jdbc, to).id();
		Await.until("the mail is sent", () -> "SENT".equals(status(id)));
		Path file = outboxFile(id);

		mailer.forget(to.toUpperCase());

		assertThat(SentMail.countTo(jdbc, to)).isZero();
		assertThat(file).doesNotExist();
	}

	@Test
	void healthReportsTheOutbox() {
		Visitor.Page health = new Visitor(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(Health.at(health.body(), "/components/mail/status")).isEqualTo("UP");
		assertThat(Health.at(Visitor.demoAccount(port, "owner@demo.test").get("/actuator/health").body(),
				"/components/mail/details/transport"))
			.isEqualTo("outbox");
	}

	private long deliveryTasks() {
		return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'email-delivery'")
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return jdbc.sql("select status from email.outgoing_mail where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private Path outboxFile(long id) {
		try (Stream<Path> files = Files.list(properties.dataDir().resolve("outbox"))) {
			return files.filter(file -> file.getFileName().toString().endsWith("-" + id + ".eml"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No outbox file for mail " + id));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String address() {
		return "mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

}
