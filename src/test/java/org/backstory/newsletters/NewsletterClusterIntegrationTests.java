package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.backstory.LoopbackSmtp;
import org.backstory.TestDatabase;
import org.backstory.email.Await;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several application nodes on one database sending newsletters: two nodes at once, a
 * node stopped half-way and another finishing, and a node's JVM killed half-way. Every
 * recipient gets the newsletter; only a kill can repeat a message, and at most one per
 * connection of the killed node.
 */
class NewsletterClusterIntegrationTests {

	static final String DATABASE = "newsletter_cluster";

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	static NewsletterNodes nodes;

	static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		smtp.start();
		nodes = new NewsletterNodes(DATABASE, smtp.getSmtp().getPort());
		jdbc = JdbcClient.create(new DriverManagerDataSource(TestDatabase.url(DATABASE), TestDatabase.username(),
				TestDatabase.password()));
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void twoNodesSendOneNewsletterTo5000RecipientsEachExactlyOnce() {
		try (ConfigurableApplicationContext a = nodes.start("node-a", 2);
				ConfigurableApplicationContext b = nodes.start("node-b", 2)) {
			Audience5000 audience = Audience5000.seed(a, 5000, "two-nodes.test");

			long send = audience.sendNow(a);
			NewsletterFixtures.awaitSent(a.getBean(NewsletterSends.class), send, Duration.ofMinutes(5));

			assertThat(messagesPerRecipient("two-nodes.test")).hasSize(5000)
				.allSatisfy((to, count) -> assertThat(count).as("messages to " + to).isEqualTo(1L));
			assertThat(jdbc.sql("""
					select count(distinct split_part(claimed_by, '-', 2)) from newsletters.recipient
					where send_id = :send and status = 'sent'""").param("send", send).query(Long.class).single())
				.as("both nodes sent")
				.isEqualTo(2);
		}
	}

	@Test
	void aNodeStoppedHalfWayLeavesTheRestToAnotherAndMailsNobodyTwice() {
		long send;
		ConfigurableApplicationContext a = nodes.start("node-stopping", 2);
		try {
			Audience5000 audience = Audience5000.seed(a, 3000, "graceful.test");
			send = audience.sendNow(a);
			Await.until("a tenth is sent", Duration.ofMinutes(2), () -> sent(send) >= 300);
		}
		finally {
			a.close();
		}
		long sentBeforeTheStop = sent(send);
		assertThat(sentBeforeTheStop).as("stopped half-way").isLessThan(3000);
		assertThat(messagesPerRecipient("graceful.test").values().stream().mapToLong(Long::longValue).sum())
			.as("every accepted message was recorded before the node stopped")
			.isEqualTo(sentBeforeTheStop);

		try (ConfigurableApplicationContext b = nodes.start("node-after-stop", 2)) {
			NewsletterFixtures.awaitSent(b.getBean(NewsletterSends.class), send, Duration.ofMinutes(5));
		}

		assertThat(messagesPerRecipient("graceful.test")).hasSize(3000)
			.allSatisfy((to, count) -> assertThat(count).as("messages to " + to).isEqualTo(1L));
	}

	@Test
	void aKilledNodeLosesNobodyAndRepeatsAtMostOneMessagePerConnection() throws Exception {
		long send;
		try (ConfigurableApplicationContext setup = nodes.start("node-setup", 1)) {
			Audience5000 audience = Audience5000.seed(setup, 3000, "killed.test");
			// The send starts a little later, when the setup node is gone and only the
			// process node runs.
			send = audience.sendAt(setup, setup.getBean(Clock.class).instant().plusSeconds(5));
		}
		Process process = nodes.startProcess("node-killed", 2);
		try {
			Await.until("a tenth is sent", Duration.ofMinutes(3), () -> sent(send) >= 300);
		}
		finally {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(sent(send)).as("killed half-way").isLessThan(3000);

		try (ConfigurableApplicationContext b = nodes.start("node-after-kill", 2)) {
			NewsletterFixtures.awaitSent(b.getBean(NewsletterSends.class), send, Duration.ofMinutes(5));
		}

		Map<String, Long> perRecipient = messagesPerRecipient("killed.test");
		assertThat(perRecipient).hasSize(3000);
		long repeated = perRecipient.values().stream().filter(count -> count > 1).count();
		assertThat(perRecipient.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 2L));
		assertThat(repeated).as("at most the message in flight on each of the killed node's 2 connections")
			.isLessThanOrEqualTo(2);
	}

	private static long sent(long send) {
		return jdbc.sql("select count(*) from newsletters.recipient where send_id = :send and status = 'sent'")
			.param("send", send)
			.query(Long.class)
			.single();
	}

	private static Map<String, Long> messagesPerRecipient(String domain) {
		return Arrays.stream(smtp.getReceivedMessagesForDomain(domain))
			.map(NewsletterClusterIntegrationTests::recipient)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * A newsletter with this many seeded members on one domain, and a published article
	 * to send them.
	 */
	record Audience5000(long newsletterId, long articleId) {

		static Audience5000 seed(ConfigurableApplicationContext node, int count, String domain) {
			Newsletter newsletter = node.getBean(Newsletters.class).create(NewsletterFixtures.settings());
			long first = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
			SeededMembers.seed(node.getBean(JdbcClient.class), first, count, domain,
					node.getBean(Clock.class).instant());
			SeededMembers.optIn(node.getBean(OptIns.class), newsletter.id(), first, count);
			ArticleDraft article = new ArticleFixtures(node.getBean(ArticleEditor.class),
					node.getBean(SystemPublisher.class), node.getBean(TaxonomyCreator.class))
				.published(Visibility.everyone());
			return new Audience5000(newsletter.id(), article.id());
		}

		long sendNow(ConfigurableApplicationContext node) {
			return sendAt(node, node.getBean(Clock.class).instant());
		}

		long sendAt(ConfigurableApplicationContext node, java.time.Instant at) {
			return node.getBean(NewsletterSends.class).schedule(articleId, newsletterId, Audience.ALL, at, null);
		}

	}

}
