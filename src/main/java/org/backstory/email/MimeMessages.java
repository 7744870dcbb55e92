package org.backstory.email;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Builds the MIME form of a message, the same for SMTP and the dev outbox. Written against Jakarta Mail
 * directly: Spring's {@code MimeMessageHelper} reads and parses a {@code mime.types} file from the class
 * path for every message, which dominated the cost of sending receipts in bulk.
 */
final class MimeMessages {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private MimeMessages() {
	}

	static MimeMessage build(Session session, String from, OutgoingMail mail) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress(from, true));
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
		message.setSubject(mail.subject(), UTF_8);
		message.setSentDate(Date.from(mail.createdAt()));
		if (mail.htmlBody() == null) {
			message.setText(mail.textBody(), UTF_8);
		}
		else {
			MimeBodyPart text = new MimeBodyPart();
			text.setText(mail.textBody(), UTF_8);
			MimeBodyPart html = new MimeBodyPart();
			html.setText(mail.htmlBody(), UTF_8, "html");
			message.setContent(new MimeMultipart("alternative", text, html));
		}
		message.saveChanges();
		return message;
	}

}
