package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.backstory.LoopbackSmtp;
import org.backstory.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that does not answer: reported, retried, and never a reason to call the
 * app DOWN.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UnreachableSmtpIntegrationTests {

	@DynamicPropertySource
	static void deadMailServer(DynamicPropertyRegistry registry) {
		int port = LoopbackSmtp.freePort();
		registry.add("backstory.mail.host", () -> "127.0.0.1");
		registry.add("backstory.mail.port", () -> port);
		registry.add("db-scheduler.table-name", () -> OwnSchedulerTable.create("dead_smtp_test"));
	}

	@LocalServerPort
	int port;

	@Autowired
	Mailer mailer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void healthStaysUpAndReportsTheServerUnreachable() {
		Visitor.Page health = new Visitor(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(Health.at(health.body(), "/status")).isEqualTo("UP");
		assertThat(Health.at(health.body(), "/components/mail/status")).isEqualTo("UNKNOWN");
		assertThat(health.body()).doesNotContain("details");
		assertThat(Health.at(Visitor.demoAccount(port, "owner@demo.test").get("/actuator/health").body(),
				"/components/mail/details/reachable"))
			.isEqualTo("false");
	}

	@Test
	void aFailedDeliveryIsKeptForARetryLater() {
		mailer.send(Mail.text("reader@dead.test", "Will wait", "The server is down"));
		long id = SentMail.lastTo(jdbc, "reader@dead.test").id();

		Await.until("the first attempt fails", () -> attempts(id) == 1);

		Instant next = jdbc.sql("select next_attempt_at from email.outgoing_mail where id = :id")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(jdbc.sql("select status from email.outgoing_mail where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(next).isAfter(Instant.now().plus(Duration.ofSeconds(30)));
	}

	private int attempts(long id) {
		return jdbc.sql("select attempts from email.outgoing_mail where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
