package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.apache.james.jdkim.api.SignatureRecord;
import org.backstory.ScriptedSmtpServer;
import org.backstory.email.dkim.DkimTestKeys;
import org.backstory.email.dkim.MessageSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every transport signs what it sends when DKIM is configured, and only then. */
class SignedDeliveryTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

	@TempDir
	Path directory;

	@AfterEach
	void stop() {
		smtp.close();
	}

	@Test
	void transactionalMailOverSmtpArrivesWithAValidSignature() throws Exception {
		new SmtpTransport(smtp(), signer(), SignedDeliveryTests::sender).deliver(receipt("ada@example.test"));

		byte[] raw = smtp.received().get(0).raw();
		SignatureRecord signature = DkimTestKeys.verify(raw).get(0);
		assertThat(signature.getHeaders()).map(CharSequence::toString)
			.contains("from", "to", "subject", "date", "message-id", "mime-version", "content-type");
		assertThat(smtp.received().get(0).text()).startsWith("DKIM-Signature: ");
		assertThat(smtp.received().get(0).message().getSubject()).isEqualTo("Your receipt — café");
	}

	@Test
	void everyNewsletterMessageOverOneConnectionArrivesWithItsOwnValidSignature() throws Exception {
		try (BulkConnection connection = new SmtpBulkMailer(smtp(), signer()).connect()) {
			for (int i = 0; i < 3; i++) {
				connection.send(newsletter("reader" + i + "@example.test"));
			}
		}

		assertThat(smtp.received()).hasSize(3).allSatisfy(received -> {
			SignatureRecord signature = DkimTestKeys.verify(received.raw()).get(0);
			assertThat(signature.getHeaders()).map(CharSequence::toString)
				.contains("from", "reply-to", "to", "subject", "date", "message-id", "mime-version", "content-type",
						"list-id", "list-unsubscribe", "list-unsubscribe-post");
		});
		assertThat(smtp.connections()).isEqualTo(1);
	}

	@Test
	void aSignedNewsletterRefusedByTheServerIsStillAPermanentFailure() throws Exception {
		smtp.refuseRecipient("gone@example.test", 550, "5.1.1 No such user");

		try (BulkConnection connection = new SmtpBulkMailer(smtp(), signer()).connect()) {
			assertThatThrownBy(() -> connection.send(newsletter("gone@example.test"))).isInstanceOfSatisfying(
					DeliveryFailure.class, failure -> assertThat(failure.replyCode()).isEqualTo(550));
			connection.send(newsletter("here@example.test"));
		}

		assertThat(smtp.acceptedFor("here@example.test")).isEqualTo(1);
		DkimTestKeys.verify(smtp.received().get(0).raw());
	}

	@Test
	void devOutboxFilesCarryAValidSignature() throws Exception {
		MessageSigner signer = signer();
		Path outbox = directory.resolve("outbox");
		new OutboxTransport(outbox, SignedDeliveryTests::sender, signer).deliver(receipt("ada@example.test"));
		try (BulkConnection connection = new OutboxBulkMailer(outbox, signer).connect()) {
			connection.send(newsletter("bob@example.test"));
		}

		try (Stream<Path> files = Files.walk(outbox)) {
			assertThat(files.filter(file -> file.toString().endsWith(".eml")).toList()).hasSize(2)
				.allSatisfy(file -> DkimTestKeys.verify(Files.readAllBytes(file)));
		}
	}

	@Test
	void withoutDkimNothingIsSignedAndTheServerStillGetsEverything() throws Exception {
		new SmtpTransport(smtp(), MessageSigner.NONE, SignedDeliveryTests::sender).deliver(receipt("ada@example.test"));
		try (BulkConnection connection = new SmtpBulkMailer(smtp(), MessageSigner.NONE).connect()) {
			connection.send(newsletter("bob@example.test"));
		}

		assertThat(smtp.received()).hasSize(2)
			.allSatisfy(received -> assertThat(received.text()).doesNotContainIgnoringCase("DKIM-Signature"));
		assertThat(smtp.received().get(1).message().getHeader("List-Unsubscribe-Post"))
			.containsExactly("List-Unsubscribe=One-Click");
	}

	@Test
	void theHealthProbeOpensAConnectionAndSendsNothing() throws Exception {
		new SmtpTransport(smtp(), MessageSigner.NONE, SignedDeliveryTests::sender).testConnection();

		assertThat(smtp.connections()).isEqualTo(1);
		assertThat(smtp.received()).isEmpty();
	}

	private static InternetAddress sender() {
		try {
			return new InternetAddress("Backstory <no-reply@backstory.test>");
		}
		catch (AddressException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MessageSigner signer() {
		return DkimTestKeys.signer(directory, Clock.systemUTC());
	}

	private MailProperties smtp() {
		return new MailProperties("127.0.0.1", smtp.port(), null, null, "Backstory <no-reply@backstory.test>", false);
	}

	private static OutgoingMail receipt(String to) {
		return new OutgoingMail(7, to, "Your receipt — café", "Thank you.\nTotal: 5 €  \n\n", "<p>Thank you.</p>", NOW,
				0);
	}

	private static BulkMessage newsletter(String to) {
		return new BulkMessage("The Backstory Weekly", "news@backstory.test", "editor@backstory.test", "Reader", to,
				"Issue 12: the whole story", "The whole story.\n\nCafé crème.\n",
				"<p>The whole story.</p>\n<p>Café</p>", "edition-12." + to, NOW,
				Map.of("List-Id", "The Backstory Weekly <weekly.backstory.test>", "List-Unsubscribe",
						"<https://backstory.test/unsubscribe?t=" + to + ">", "List-Unsubscribe-Post",
						"List-Unsubscribe=One-Click"));
	}

}
