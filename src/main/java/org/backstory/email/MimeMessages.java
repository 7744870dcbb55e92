package org.backstory.email;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.backstory.email.dkim.MessageSigner;

/**
 * Builds the MIME form of a message, the same for SMTP and the dev outbox. Written
 * against Jakarta Mail directly: Spring's {@code MimeMessageHelper} reads and parses a
 * {@code mime.types} file from the class path for every message, which dominated the cost
 * of sending receipts in bulk.
 */
final class MimeMessages {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Every body part asks Jakarta Mail for its stream provider, which by default
		// means a ServiceLoader
		// scan of every jar on the class path: a third of the CPU of a newsletter send.
		// Naming the provider
		// (Angus Mail's, the one on the class path) is Jakarta Mail's own way to skip the
		// scan.
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	private MimeMessages() {
	}

	static MimeMessage build(Session session, InternetAddress from, OutgoingMail mail) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(from);
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
		message.setSubject(mail.subject(), UTF_8);
		message.setSentDate(Date.from(mail.createdAt()));
		if (mail.htmlBody() == null) {
			message.setText(mail.textBody(), UTF_8);
		}
		else {
			message.setContent(alternative(mail.textBody(), mail.htmlBody()));
		}
		message.saveChanges();
		return message;
	}

	/**
	 * A newsletter message: both parts, its own {@code Message-ID} and the list headers,
	 * written by {@link BulkMessageWriter}, signed when DKIM is on, and read back, so
	 * Jakarta Mail sends those bytes as they are.
	 */
	static MimeMessage build(Session session, BulkMessage mail, MessageSigner signer) throws MessagingException {
		return new MimeMessage(session, new ByteArrayInputStream(signer.sign(BulkMessageWriter.write(mail))));
	}

	private static MimeMultipart alternative(String textBody, String htmlBody) throws MessagingException {
		MimeBodyPart text = new MimeBodyPart();
		text.setText(textBody, UTF_8);
		MimeBodyPart html = new MimeBodyPart();
		html.setText(htmlBody, UTF_8, "html");
		return new MimeMultipart("alternative", text, html);
	}

}
