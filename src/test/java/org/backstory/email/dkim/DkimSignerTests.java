package org.backstory.email.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.james.jdkim.api.SignatureRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DKIM signatures as an independent verifier (Apache James jDKIM) sees them. */
class DkimSignerTests {

	/**
	 * The verifier refuses signatures from the future, so the test signs at the real
	 * time.
	 */
	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final Session session = Session.getInstance(new Properties());

	@TempDir
	Path keys;

	@Test
	void aSignedNewsletterVerifiesAndCoversItsListHeaders() throws Exception {
		byte[] signed = signed(newsletter());

		SignatureRecord signature = DkimTestKeys.verify(signed).get(0);

		assertThat(signature.getDToken()).hasToString(DkimTestKeys.DOMAIN);
		assertThat(signature.getSelector()).hasToString(DkimTestKeys.SELECTOR);
		assertThat(signature.getHashKeyType()).hasToString("rsa");
		assertThat(signature.getHashAlgo()).hasToString("sha-256");
		assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
		assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
		assertThat(signature.getHeaders()).map(CharSequence::toString)
			.containsExactly("from", "reply-to", "to", "subject", "date", "message-id", "mime-version", "content-type",
					"list-id", "list-unsubscribe", "list-unsubscribe-post");
		assertThat(text(signed)).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=backstory.test; "
				+ "s=test2026;\r\n\tt=" + NOW.getEpochSecond() + ";");
	}

	@Test
	void aPlainTextMessageSignsTheHeadersItHas() throws Exception {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("Backstory <no-reply@backstory.test>"));
		message.setRecipients(Message.RecipientType.TO, "reader@example.test");
		message.setSubject("Your sign-in link", "UTF-8");
		message.setSentDate(Date.from(NOW));
		message.setText("Follow https://backstory.test/login/link?token=abc", "UTF-8");
		message.saveChanges();

		SignatureRecord signature = DkimTestKeys.verify(signed(message)).get(0);

		assertThat(signature.getHeaders()).map(CharSequence::toString)
			.containsExactly("from", "to", "subject", "date", "message-id", "mime-version", "content-type",
					"content-transfer-encoding");
	}

	@Test
	void changingASignedHeaderBreaksTheSignature() throws Exception {
		String signed = text(signed(newsletter()));
		assertThat(DkimTestKeys.verifies(bytes(signed))).isTrue();

		assertThat(DkimTestKeys.verifies(tampered(signed, "Subject: Issue 12", "Subject: Issue 13"))).isFalse();
		assertThat(DkimTestKeys.verifies(tampered(signed, "<https://backstory.test/unsubscribe?t=abc>",
				"<https://evil.test/unsubscribe?t=abc>")))
			.isFalse();
		assertThat(DkimTestKeys.verifies(tampered(signed, "To: Ada <ada@example.test>", "To: Bob <bob@example.test>")))
			.isFalse();
		assertThat(DkimTestKeys.verifies(tampered(signed, "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", "")))
			.isFalse();
	}

	@Test
	void changingTheBodyBreaksTheSignature() throws Exception {
		String signed = text(signed(newsletter()));

		assertThat(DkimTestKeys.verifies(tampered(signed, "<p>The whole story.</p>", "<p>The whole stori.</p>")))
			.isFalse();
		assertThat(DkimTestKeys.verifies(bytes(signed + "Appended by someone\r\n"))).isFalse();
	}

	@Test
	void whatRelaxedCanonicalisationIgnoresKeepsItValid() throws Exception {
		String signed = text(signed(newsletter()));

		assertThat(DkimTestKeys.verifies(bytes("Received: from relay.example.test by mx.example.test\r\n" + signed)))
			.as("a relay adds a header")
			.isTrue();
		assertThat(DkimTestKeys.verifies(tampered(signed, "Subject: Issue 12", "SUBJECT:   Issue\r\n\t 12  ")))
			.as("a header refolded")
			.isTrue();
		assertThat(DkimTestKeys.verifies(bytes(signed + "\r\n\r\n"))).as("empty lines appended").isTrue();
	}

	@Test
	void bareLineFeedsAndTrailingSpacesAreSignedAsTheyGoOnTheWire() throws Exception {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("no-reply@backstory.test"));
		message.setRecipients(Message.RecipientType.TO, "reader@example.test");
		message.setSubject("Plain");
		message.setSentDate(Date.from(NOW));
		message.setText("line one   \nline\ttwo\r\n.leading dot\n\n\n", "US-ASCII");
		message.saveChanges();

		byte[] signed = signed(message);

		assertThat(text(signed)).doesNotContainPattern("[^\r]\n").doesNotContainPattern("\r[^\n]");
		DkimTestKeys.verify(signed);
	}

	@Test
	void smtpGetsExactlyTheSignedBytes() throws Exception {
		MessageSigner signer = DkimTestKeys.signer(keys, Clock.fixed(NOW, ZoneOffset.UTC));
		MimeMessage message = newsletter();
		byte[] signed = signed(signer, message);

		MimeMessage forSmtp = signer.forSmtp(session, message);
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		forSmtp.writeTo(written);

		assertThat(written.toByteArray()).isEqualTo(signed);
		assertThat(forSmtp.getAllRecipients()).extracting(Object::toString).containsExactly("Ada <ada@example.test>");
	}

	@Test
	void withoutDkimMessagesPassThroughUntouched() throws Exception {
		MimeMessage message = newsletter();
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		message.writeTo(plain);
		ByteArrayOutputStream through = new ByteArrayOutputStream();

		MessageSigner.NONE.writeTo(message, through);

		assertThat(through.toByteArray()).isEqualTo(plain.toByteArray());
		assertThat(MessageSigner.NONE.forSmtp(session, message)).isSameAs(message);
		assertThat(MessageSigner.NONE.domain()).isNull();
	}

	@Test
	void canonicalisesHeadersAsInRfc6376() {
		// RFC 6376 3.4.5: "A: X" and "B : Y<TAB><CRLF><TAB>Z " become "a:X" and "b:Y Z".
		assertThat(HeaderField.relaxed("A: X")).isEqualTo("a:X");
		assertThat(HeaderField.relaxed("B : Y\t\r\n\tZ  ")).isEqualTo("b:Y Z");
	}

	@Test
	void canonicalisesTheBodyAsInRfc6376() throws Exception {
		// RFC 6376 3.4.5: " C \r\nD \t E\r\n\r\n\r\n" becomes " C\r\nD E\r\n".
		byte[] message = bytes("A: X\r\n\r\n C \r\nD \t E\r\n\r\n\r\n");

		assertThat(RelaxedBody.sha256(message, 8)).isEqualTo(sha256(" C\r\nD E\r\n"));
		assertThat(RelaxedBody.sha256(bytes("A: X\r\n\r\n"), 8)).isEqualTo(sha256(""));
		assertThat(RelaxedBody.sha256(bytes("A: X\r\n\r\n\r\n \r\n"), 8)).isEqualTo(sha256(""));
		assertThat(RelaxedBody.sha256(bytes("A: X\r\n\r\nno line end"), 8)).isEqualTo(sha256("no line end\r\n"));
	}

	private MimeMessage newsletter() throws Exception {
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				setHeader("Message-ID", "<edition-12.ada@backstory.test>");
			}
		};
		message.setFrom(new InternetAddress("news@backstory.test", "The Backstory Weekly", "UTF-8"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.test", "Ada", "UTF-8"));
		message.setReplyTo(new InternetAddress[] { new InternetAddress("editor@backstory.test") });
		message.setSubject("Issue 12", "UTF-8");
		message.setSentDate(Date.from(NOW));
		message.setHeader("List-Id", "The Backstory Weekly <weekly.backstory.test>");
		message.setHeader("List-Unsubscribe",
				"<https://backstory.test/unsubscribe?t=abc>, <mailto:unsubscribe@backstory.test?subject=abc>");
		message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("The whole story.\n\nCafé crème, naïve façade: non-ASCII goes quoted-printable.", "UTF-8");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>The whole story.</p>  \n<p>Café</p>", "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		message.saveChanges();
		return message;
	}

	private byte[] signed(MimeMessage message) throws Exception {
		return signed(DkimTestKeys.signer(keys, Clock.fixed(NOW, ZoneOffset.UTC)), message);
	}

	private static byte[] signed(MessageSigner signer, MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		signer.writeTo(message, out);
		return out.toByteArray();
	}

	private static byte[] tampered(String message, String original, String replacement) {
		assertThat(message).contains(original);
		return bytes(message.replace(original, replacement));
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] sha256(String canonical) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(bytes(canonical));
	}

}
