package org.backstory.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.backstory.email.dkim.MessageSigner;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * Bulk delivery over SMTP: each connection is one Jakarta Mail transport kept open
 * between messages.
 */
final class SmtpBulkMailer implements BulkMailer {

	private static final long IDLE_CHECK_NANOS = 5_000_000_000L;

	private final Session session;

	private final MailProperties properties;

	private final MessageSigner signer;

	SmtpBulkMailer(MailProperties properties, MessageSigner signer) {
		this.properties = properties;
		this.signer = signer;
		this.session = SmtpSessions.of(properties, 30_000);
	}

	@Override
	public BulkConnection connect() throws DeliveryFailure {
		SmtpConnection connection = new SmtpConnection();
		connection.open();
		return connection;
	}

	@Override
	public String transportName() {
		return "smtp";
	}

	/**
	 * Turns what Jakarta Mail threw into permanent (5xx) or transient (4xx, no reply at
	 * all).
	 */
	static DeliveryFailure classify(MessagingException ex) {
		int code = replyCode(ex);
		String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().strip();
		return new DeliveryFailure(code > 0 ? code + " " + reason : "connection: " + reason, code >= 500, code, ex);
	}

	private static int replyCode(@Nullable Exception ex) {
		for (Exception current = ex; current != null;) {
			if (current instanceof SMTPAddressFailedException failed) {
				return failed.getReturnCode();
			}
			if (current instanceof SMTPSendFailedException failed) {
				return failed.getReturnCode();
			}
			if (current instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
					&& sendFailed.getNextException() != current) {
				current = sendFailed.getNextException();
			}
			else if (current instanceof MessagingException messaging && messaging.getNextException() != null
					&& messaging.getNextException() != current) {
				current = messaging.getNextException();
			}
			else {
				return 0;
			}
		}
		return 0;
	}

	private final class SmtpConnection implements BulkConnection {

		private @Nullable SMTPTransport transport;

		private long lastUsed;

		void open() throws DeliveryFailure {
			try {
				SMTPTransport opened = (SMTPTransport) session.getTransport("smtp");
				if (properties.authenticated()) {
					opened.connect(properties.username(), properties.password());
				}
				else {
					opened.connect();
				}
				transport = opened;
				lastUsed = System.nanoTime();
			}
			catch (MessagingException ex) {
				throw classify(ex);
			}
		}

		@Override
		public void send(BulkMessage message) throws DeliveryFailure {
			if (transport == null || idle() && !transport.isConnected()) {
				close();
				open();
			}
			SMTPTransport current = transport;
			try {
				MimeMessage mime = MimeMessages.build(session, message, signer);
				current.sendMessage(mime, mime.getAllRecipients());
				lastUsed = System.nanoTime();
			}
			catch (MessagingException ex) {
				DeliveryFailure failure = classify(ex);
				// A refused message leaves the session mid-transaction on some servers; a
				// broken one is gone.
				if (failure.replyCode() == 0 || failure.replyCode() == 421) {
					close();
				}
				else {
					reset(current);
				}
				throw failure;
			}
		}

		/**
		 * Whether the connection has been idle long enough that the server may have
		 * dropped it. Jakarta Mail's {@code isConnected} asks the server (a NOOP and its
		 * answer), a round trip that doubled the cost of a message when asked before
		 * each; a connection that just took a message is taken as alive, and if it died
		 * anyway the message fails as transient and is retried.
		 */
		private boolean idle() {
			return System.nanoTime() - lastUsed > IDLE_CHECK_NANOS;
		}

		private void reset(SMTPTransport current) {
			try {
				current.issueCommand("RSET", 250);
			}
			catch (MessagingException ex) {
				close();
			}
		}

		@Override
		public void close() {
			Transport open = transport;
			transport = null;
			if (open != null) {
				try {
					open.close();
				}
				catch (MessagingException ex) {
					// The connection is being dropped anyway; nothing is lost by not
					// saying goodbye.
				}
			}
		}

	}

}
