package org.backstory.newsletters;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;

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

	/**
	 * The sends (newsletters and follow emails: the messages with a {@code List-Id}) that
	 * {@code smtp} received for {@code address}. Transactional mail, such as the receipt
	 * of a test's checkout, reaches the same server and is left out.
	 */
	static List<ReceivedMail> sendsTo(GreenMail smtp, String address) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter(ReceivedMail::isSend)
			.map(ReceivedMail::of)
			.filter(mail -> mail.to().contains(address))
			.toList();
	}

	private static boolean isSend(MimeMessage message) {
		try {
			return message.getHeader("List-Id") != null;
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
		}
	}

	String subject() {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new AssertionError(ex);
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
