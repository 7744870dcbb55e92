package org.backstory.email;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the MIME form of a message, the same for SMTP and the dev outbox. */
final class MimeMessages {

	private MimeMessages() {
	}

	static MimeMessage build(Session session, String from, OutgoingMail mail) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		boolean alternative = mail.htmlBody() != null;
		MimeMessageHelper helper = new MimeMessageHelper(message, alternative, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		helper.setSentDate(Date.from(mail.createdAt()));
		if (alternative) {
			helper.setText(mail.textBody(), mail.htmlBody());
		}
		else {
			helper.setText(mail.textBody(), false);
		}
		return message;
	}

}
