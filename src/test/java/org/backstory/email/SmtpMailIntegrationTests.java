package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.backstory.LoopbackSmtp;
import org.backstory.Visitor;
import org.backstory.publishing.PublicationService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail over SMTP, to a GreenMail server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SmtpMailIntegrationTests {

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		GreenMailContext.route(smtp, registry, "Backstory Test <news@backstory.test>", "smtp_mail_test");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicationService publications;

	@Test
	void aCommittedMailIsDeliveredOverSmtpAndMarkedSent() throws Exception {
		transactions
			.executeWithoutResult(status -> mailer.send(Mail.text("reader@smtp.test", "Over SMTP", "Hello by SMTP")));

		Await.until("GreenMail receives the mail", () -> smtp.getReceivedMessagesForDomain("smtp.test").length == 1);
		MimeMessage received = smtp.getReceivedMessagesForDomain("smtp.test")[0];
		assertThat(received.getSubject()).isEqualTo("Over SMTP");
		assertThat(received.getFrom()[0].toString())
			.isEqualTo(publications.publication().name() + " <news@backstory.test>");
		assertThat(GreenMailUtil.getBody(received)).contains("Hello by SMTP");
		long id = SentMail.lastTo(jdbc, "reader@smtp.test").id();
		Await.until("the row is marked sent",
				() -> "SENT".equals(jdbc.sql("select status from email.outgoing_mail where id = :id")
					.param("id", id)
					.query(String.class)
					.single()));
	}

	@Test
	void healthReportsAReachableServer() {
		Visitor.Page health = new Visitor(port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(Health.at(health.body(), "/components/mail/status")).isEqualTo("UP");
		assertThat(health.body()).doesNotContain("details");
		assertThat(Health.at(Visitor.demoAccount(port, "owner@demo.test").get("/actuator/health").body(),
				"/components/mail/details/reachable"))
			.isEqualTo("true");
	}

}
