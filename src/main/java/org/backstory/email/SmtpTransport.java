package org.backstory.email;

import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.backstory.email.dkim.MessageSigner;

/**
 * Delivers over SMTP with Jakarta Mail, one connection per message. Talks to Jakarta
 * Mail's transport directly: Spring's {@code JavaMailSender} calls {@code saveChanges()},
 * which would re-encode a signed message and break its DKIM signature.
 */
final class SmtpTransport implements MailTransport {

	private final Session session;

	private final MailProperties properties;

	private final MessageSigner signer;

	/**
	 * The {@code From} of each message, asked at delivery: the publication's name may
	 * change.
	 */
	private final Supplier<InternetAddress> from;

	SmtpTransport(MailProperties properties, MessageSigner signer, Supplier<InternetAddress> from) {
		this.properties = properties;
		this.signer = signer;
		this.from = from;
		this.session = SmtpSessions.of(properties, 10_000);
	}

	@Override
	public void deliver(OutgoingMail mail) throws Exception {
		MimeMessage message = signer.forSmtp(session, MimeMessages.build(session, from.get(), mail));
		try (Transport transport = connect()) {
			transport.sendMessage(message, message.getAllRecipients());
		}
	}

	@Override
	public String name() {
		return "smtp";
	}

	/** Connects and says hello, to tell whether the server is reachable. */
	void testConnection() throws Exception {
		connect().close();
	}

	private Transport connect() throws MessagingException {
		Transport transport = session.getTransport("smtp");
		if (properties.authenticated()) {
			transport.connect(properties.username(), properties.password());
		}
		else {
			transport.connect();
		}
		return transport;
	}

}
