package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.api.SignatureRecord;
import org.backstory.LoopbackSmtp;
import org.backstory.email.dkim.DkimTestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code backstory.mail.dkim.*} set, the app signs what it sends: a transactional
 * mail and a newsletter message go through a real SMTP server (GreenMail), and the
 * signature verifies on what it received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DkimSignedMailIntegrationTests {

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	@DynamicPropertySource
	static void signedMail(DynamicPropertyRegistry registry) {
		LoopbackSmtp.routeMailTo(smtp, registry);
		registry.add("backstory.mail.from", () -> "Backstory <no-reply@backstory.test>");
		registry.add("backstory.mail.dkim.domain", () -> DkimTestKeys.DOMAIN);
		registry.add("backstory.mail.dkim.selector", () -> DkimTestKeys.SELECTOR);
		registry.add("backstory.mail.dkim.private-key-file", () -> DkimTestKeys.writePkcs8(keyDirectory()).toString());
		registry.add("db-scheduler.table-name", () -> OwnSchedulerTable.create("dkim_mail_test"));
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Autowired
	Mailer mailer;

	@Autowired
	BulkMailer bulkMailer;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aTransactionalMailArrivesSigned() throws Exception {
		transactions.executeWithoutResult(status -> mailer.send(new Mail("reader@dkim-tx.test", "Your sign-in link",
				"Follow https://backstory.test/login/link?token=abc\n", "<p>Follow the link</p>")));

		Await.until("GreenMail receives the mail", () -> smtp.getReceivedMessagesForDomain("dkim-tx.test").length == 1);
		MimeMessage received = smtp.getReceivedMessagesForDomain("dkim-tx.test")[0];
		SignatureRecord signature = DkimTestKeys.verify(raw(received)).get(0);
		assertThat(signature.getDToken()).hasToString(DkimTestKeys.DOMAIN);
		assertThat(signature.getHeaders()).map(CharSequence::toString)
			.contains("from", "to", "subject", "date", "message-id", "mime-version", "content-type");
	}

	@Test
	void aNewsletterMessageArrivesSignedOverItsListHeaders() throws Exception {
		try (BulkConnection connection = bulkMailer.connect()) {
			connection.send(new BulkMessage("The Backstory Weekly", "news@backstory.test", "editor@backstory.test",
					"Ada", "ada@dkim-bulk.test", "Issue 12", "The whole story.\n", "<p>The whole story.</p>",
					"edition-12.ada@backstory.test", Instant.now().truncatedTo(ChronoUnit.SECONDS),
					Map.of("List-Id", "The Backstory Weekly <weekly.backstory.test>", "List-Unsubscribe",
							"<https://backstory.test/unsubscribe?t=abc>", "List-Unsubscribe-Post",
							"List-Unsubscribe=One-Click")));
		}

		Await.until("GreenMail receives the newsletter",
				() -> smtp.getReceivedMessagesForDomain("dkim-bulk.test").length == 1);
		byte[] raw = raw(smtp.getReceivedMessagesForDomain("dkim-bulk.test")[0]);
		assertThat(DkimTestKeys.verify(raw).get(0).getHeaders()).map(CharSequence::toString)
			.contains("reply-to", "list-id", "list-unsubscribe", "list-unsubscribe-post");
		String tampered = new String(raw, StandardCharsets.ISO_8859_1).replace("unsubscribe?t=abc",
				"unsubscribe?t=xyz");
		assertThat(DkimTestKeys.verifies(tampered.getBytes(StandardCharsets.ISO_8859_1))).isFalse();
	}

	/**
	 * The message as GreenMail received it: its parsed messages write their original
	 * bytes back out.
	 */
	private static byte[] raw(MimeMessage received) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		received.writeTo(out);
		return out.toByteArray();
	}

	private static Path keyDirectory() {
		try {
			return Files.createTempDirectory("dkim-keys");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
