package org.backstory.newsletters;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The decoded parts of a received newsletter message. */
record ReceivedMail(MimeMessage message, String contentType, String text, String html) {

	static ReceivedMail of(MimeMessage message) {
		try {
			Object content = message.getContent();
			if (!(content instanceof MimeMultipart parts)) {
				throw new AssertionError("Not multipart: " + message.getContentType() + "\n" + content);
			}
			return new ReceivedMail(message, message.getContentType(), (String) parts.getBodyPart(0).getContent(),
					parts.getCount() > 1 ? (String) parts.getBodyPart(1).getContent() : "");
		}
		catch (IOException | MessagingException ex) {
			throw new AssertionError("Unreadable message", ex);
		}
	}

	String header(String name) {
		try {
			String value = message.getHeader(name, ", ");
			// Long headers arrive folded over several lines; what they say is the
			// unfolded value.
			return value == null ? "" : jakarta.mail.internet.MimeUtility.unfold(value);
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	String to() {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

}
