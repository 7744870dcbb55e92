package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.LoopbackSmtp;
import org.backstory.OwnDatabase;
import org.backstory.ScriptedSmtpServer;
import org.backstory.email.Await;
import org.backstory.email.Mail;
import org.backstory.email.Mailer;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sends against an SMTP server that refuses, drops and stalls: transient failures are
 * retried, permanent ones fail the recipient and, repeated, suppress the address; nobody
 * is lost or mailed twice; transactional mail does not wait behind a send.
 */
@SpringBootTest(properties = { "backstory.newsletters.idle-poll=100ms", "backstory.newsletters.first-retry=1s",
		"backstory.newsletters.max-attempts=3", "backstory.newsletters.connections=2" })
@OwnDatabase("newsletter_smtp_failures")
class NewsletterSmtpFailuresIntegrationTests {

	static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		LoopbackSmtp.routeMailTo(smtp::port, registry);
	}

	@AfterAll
	static void stop() {
		smtp.close();
	}

	@AfterEach
	void scriptsOff() {
		smtp.clear();
	}

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	NewsletterSends sends;

	@Autowired
	Suppressions suppressions;

	@Autowired
	Mailer mailer;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void aRefusedAddressFailsTheRecipientAndTheSecondRefusalSuppressesIt() {
		Readers readers = readers(3, "refused.test");
		smtp.refuseRecipient(readers.address(0), 550, "5.1.1 No such user");

		long first = sendToAll(readers);

		assertThat(sends.tally(first)).isEqualTo(new SendTally(0, 2, 1, 0, 0));
		assertThat(sends.failures(first, 10)).singleElement()
			.satisfies(failure -> assertThat(failure.error()).startsWith("550 "));
		assertThat(suppressions.isSuppressed(readers.address(0))).isFalse();

		long second = sendToAll(readers);
		assertThat(sends.tally(second)).isEqualTo(new SendTally(0, 2, 1, 0, 0));
		assertThat(suppressions.isSuppressed(readers.address(0))).isTrue();

		long third = sendToAll(readers);
		assertThat(sends.tally(third)).isEqualTo(new SendTally(0, 2, 0, 0, 1));
		assertThat(smtp.acceptedFor(readers.address(0))).isZero();
		assertThat(smtp.acceptedFor(readers.address(1))).isEqualTo(3);
	}

	@Test
	void transientFailuresAreRetriedUntilTheMessageGoesThroughOnce() {
		Readers readers = readers(5, "transient.test");
		smtp.closeAfterRcpt(readers.address(0), 1);
		smtp.dropDuringData(readers.address(1), 1);
		smtp.refuseRecipientTimes(readers.address(2), 2, 451, "4.7.1 Try again later");

		long send = sendToAll(readers);

		assertThat(sends.tally(send)).isEqualTo(new SendTally(0, 5, 0, 0, 0));
		for (int i = 0; i < 5; i++) {
			assertThat(smtp.acceptedFor(readers.address(i))).as("messages to reader " + i).isEqualTo(1);
		}
		assertThat(attempts(send, readers.address(2))).isEqualTo(3);
	}

	@Test
	void aServerThatKeepsDeferringAnAddressEndsInFailureAfterTheLastAttempt() {
		Readers readers = readers(2, "deferred.test");
		smtp.refuseRecipient(readers.address(0), 452, "4.2.2 Mailbox full");

		long send = sendToAll(readers);

		assertThat(sends.tally(send)).isEqualTo(new SendTally(0, 1, 1, 0, 0));
		assertThat(sends.failures(send, 10)).singleElement()
			.satisfies(failure -> assertThat(failure.error()).startsWith("Gave up after 3 attempts: 452"));
		assertThat(suppressions.isSuppressed(readers.address(0))).as("a full mailbox is not a bad address").isFalse();
	}

	@Test
	void transactionalMailDoesNotWaitBehindASend() {
		Readers readers = readers(200, "slow.test");
		smtp.delayPerMessage(Duration.ofMillis(100));
		long send = sends.schedule(readers.articleId(), readers.newsletterId(), Audience.ALL, clock.instant(), null);
		Await.until("the send is mailing", Duration.ofSeconds(20), () -> sends.tally(send).sent() > 10);

		long asked = System.nanoTime();
		mailer.send(Mail.text("urgent@transactional.test", "Your sign-in link", "Click to sign in."));
		Await.until("the sign-in link arrives", Duration.ofSeconds(10),
				() -> smtp.acceptedFor("urgent@transactional.test") == 1);
		long waited = (System.nanoTime() - asked) / 1_000_000;

		assertThat(sends.tally(send).pending()).as("the send was still under way").isPositive();
		assertThat(waited).as("milliseconds the sign-in link waited").isLessThan(5_000);
		NewsletterFixtures.awaitSent(sends, send, Duration.ofMinutes(2));
	}

	private long sendToAll(Readers readers) {
		long article = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).published(Visibility.everyone())
			.id();
		long send = sends.schedule(article, readers.newsletterId(), Audience.ALL, clock.instant(), null);
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(60));
		return send;
	}

	private Readers readers(int count, String domain) {
		Newsletter newsletter = newsletters.create(NewsletterFixtures.settings());
		long first = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
		SeededMembers.seed(jdbc, first, count, domain, clock.instant());
		SeededMembers.optIn(optIns, newsletter.id(), first, count);
		long article = new ArticleFixtures(editor, systemPublisher, taxonomyCreator).published(Visibility.everyone())
			.id();
		return new Readers(newsletter.id(), article, first, domain);
	}

	private int attempts(long send, String address) {
		return jdbc.sql("select attempts from newsletters.recipient where send_id = :send and address = :address")
			.param("send", send)
			.param("address", address)
			.query(Integer.class)
			.single();
	}

	record Readers(long newsletterId, long articleId, long first, String domain) {

		String address(int index) {
			return SeededMembers.address(first + index, domain);
		}

	}

}
