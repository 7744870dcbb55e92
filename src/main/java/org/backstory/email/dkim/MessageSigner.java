package org.backstory.email.dkim;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;

/**
 * The last step before a message leaves: signs it with DKIM when a key is configured, and
 * otherwise hands it through untouched. A signature covers exact bytes, so a signed
 * message is serialised once, signed, and only those bytes are sent or written; Jakarta
 * Mail never gets a chance to encode it again.
 */
public final class MessageSigner {

	/** Signs nothing. */
	public static final MessageSigner NONE = new MessageSigner(null);

	private final @Nullable DkimSigner dkim;

	MessageSigner(@Nullable DkimSigner dkim) {
		this.dkim = dkim;
	}

	/** The signing domain ({@code d=}), or null when messages are not signed. */
	public @Nullable String domain() {
		return dkim == null ? null : dkim.domain();
	}

	/**
	 * The message to hand to an SMTP transport's {@code sendMessage}: without DKIM
	 * {@code message} itself, with DKIM a message read back from the signed bytes, which
	 * Jakarta Mail writes out verbatim. Do not call {@code saveChanges} on it (as
	 * Spring's {@code JavaMailSender} does): that would re-encode it.
	 */
	public MimeMessage forSmtp(Session session, MimeMessage message) throws MessagingException {
		if (dkim == null) {
			return message;
		}
		try {
			return new MimeMessage(session, new ByteArrayInputStream(signed(dkim, message)));
		}
		catch (IOException ex) {
			throw new MessagingException("Could not serialise the message for signing", ex);
		}
	}

	/**
	 * A message already in its wire form (CRLF line ends, a CRLF at the end), signed when
	 * DKIM is configured, and otherwise the same bytes. Send or write exactly these.
	 */
	public byte[] sign(byte[] wire) {
		return dkim == null ? wire : dkim.sign(wire);
	}

	/**
	 * Writes the message as it would go over the wire, signed when DKIM is configured.
	 */
	public void writeTo(MimeMessage message, OutputStream out) throws IOException, MessagingException {
		if (dkim == null) {
			// Jakarta Mail's encoders write a byte at a time: straight into a file stream
			// that is a system call per byte, most of the cost of a receipt in the
			// outbox.
			BufferedOutputStream buffered = new BufferedOutputStream(out, 16 * 1024);
			message.writeTo(buffered);
			buffered.flush();
		}
		else {
			out.write(signed(dkim, message));
		}
	}

	private static byte[] signed(DkimSigner dkim, MimeMessage message) throws IOException, MessagingException {
		WireFormat wire = new WireFormat();
		message.writeTo(wire);
		return dkim.sign(wire.toByteArray());
	}

	/**
	 * Collects a message as SMTP carries it: every line end CRLF, one at the very end.
	 * The signature must cover what is sent, and SMTP clients turn bare CR and LF into
	 * CRLF. Unlike ByteArrayOutputStream it does not lock on every byte, which Jakarta
	 * Mail's encoders write one at a time.
	 */
	private static final class WireFormat extends OutputStream {

		private byte[] bytes = new byte[16 * 1024];

		private int size;

		private int last = -1;

		@Override
		public void write(int b) {
			if (b == '\r' || b == '\n') {
				lineEnd(b);
			}
			else {
				ensure(1);
				bytes[size++] = (byte) b;
				last = b;
			}
		}

		@Override
		public void write(byte[] source, int offset, int length) {
			int start = offset;
			for (int i = offset; i < offset + length; i++) {
				if (source[i] == '\r' || source[i] == '\n') {
					append(source, start, i);
					lineEnd(source[i]);
					start = i + 1;
				}
			}
			append(source, start, offset + length);
		}

		byte[] toByteArray() {
			if (size < 2 || bytes[size - 2] != '\r' || bytes[size - 1] != '\n') {
				lineEnd('\r');
			}
			return Arrays.copyOf(bytes, size);
		}

		private void append(byte[] source, int from, int to) {
			if (to > from) {
				ensure(to - from);
				System.arraycopy(source, from, bytes, size, to - from);
				size += to - from;
				last = source[to - 1];
			}
		}

		/** A CR, or an LF not right after a CR, ends a line. */
		private void lineEnd(int b) {
			if (b == '\r' || last != '\r') {
				ensure(2);
				bytes[size++] = '\r';
				bytes[size++] = '\n';
			}
			last = b;
		}

		private void ensure(int more) {
			if (size + more > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
			}
		}

	}

}
