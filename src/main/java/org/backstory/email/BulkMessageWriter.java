package org.backstory.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

/**
 * Writes a newsletter message as MIME bytes directly: headers, then a
 * multipart/alternative with the text and HTML parts in quoted-printable. Jakarta Mail's
 * body parts encode a message byte by byte through five stream layers, which cost more
 * CPU than everything else a newsletter message needs; this writes the same standard form
 * in one pass.
 */
final class BulkMessageWriter {

	/**
	 * "=_" never occurs in quoted-printable text, so no part can contain the boundary.
	 */
	private static final String BOUNDARY = "=_backstory_alternative";

	private static final int LINE = 76;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private BulkMessageWriter() {
	}

	static byte[] write(BulkMessage mail) {
		StringBuilder head = new StringBuilder(1024);
		header(head, "Date", new MailDateFormat().format(Date.from(mail.date())));
		header(head, "From", address(mail.fromAddress(), mail.fromName()));
		if (mail.replyTo() != null) {
			header(head, "Reply-To", mail.replyTo());
		}
		header(head, "To", address(mail.toAddress(), mail.toName()));
		header(head, "Message-ID", "<" + mail.messageId() + ">");
		header(head, "Subject", encoded(mail.subject()));
		header(head, "MIME-Version", "1.0");
		for (Map.Entry<String, String> extra : mail.headers().entrySet()) {
			header(head, extra.getKey(), extra.getValue());
		}
		header(head, "Content-Type", "multipart/alternative; boundary=\"" + BOUNDARY + "\"");
		head.append("\r\n--").append(BOUNDARY).append("\r\n");
		Bytes out = new Bytes(mail.text().length() + mail.html().length() * 11 / 10 + 2048);
		out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
		part(out, "text/plain", mail.text());
		out.writeBytes(("\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
		part(out, "text/html", mail.html());
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static void part(Bytes out, String type, String body) {
		out.writeBytes(
				("Content-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
		quotedPrintable(body.getBytes(StandardCharsets.UTF_8), out);
	}

	/**
	 * RFC 2045 quoted-printable with CRLF line ends: printable ASCII as itself except
	 * "=", spaces and tabs as themselves unless they end a line, everything else as =XX,
	 * lines at most 76 characters with soft breaks.
	 */
	static void quotedPrintable(byte[] in, Bytes out) {
		int column = 0;
		for (int i = 0; i < in.length; i++) {
			int b = in[i] & 0xff;
			if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
				continue;
			}
			if (b == '\n') {
				out.write('\r');
				out.write('\n');
				column = 0;
				continue;
			}
			boolean lineEnds = i + 1 == in.length || in[i + 1] == '\n' || in[i + 1] == '\r';
			boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
			int width = literal ? 1 : 3;
			if (column + width > LINE - 1) {
				out.write('=');
				out.write('\r');
				out.write('\n');
				column = 0;
			}
			if (literal) {
				out.write(b);
			}
			else {
				out.write('=');
				out.write(HEX[b >> 4]);
				out.write(HEX[b & 0x0f]);
			}
			column += width;
		}
	}

	private static void header(StringBuilder head, String name, String value) {
		head.append(name).append(": ").append(MimeUtility.fold(name.length() + 2, value)).append("\r\n");
	}

	private static String address(String address, String name) {
		try {
			return new InternetAddress(address, name, StandardCharsets.UTF_8.name()).toString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
	}

	private static String encoded(String text) {
		try {
			return MimeUtility.encodeText(text, StandardCharsets.UTF_8.name(), null);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
	}

	/**
	 * A growing byte buffer. ByteArrayOutputStream locks on every byte, and
	 * quoted-printable writes one byte at a time: the locking was a tenth of a send's
	 * CPU.
	 */
	static final class Bytes {

		private byte[] bytes;

		private int size;

		Bytes(int capacity) {
			this.bytes = new byte[capacity];
		}

		void write(int b) {
			if (size == bytes.length) {
				bytes = Arrays.copyOf(bytes, bytes.length * 2);
			}
			bytes[size++] = (byte) b;
		}

		void writeBytes(byte[] more) {
			if (size + more.length > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more.length));
			}
			System.arraycopy(more, 0, bytes, size, more.length);
			size += more.length;
		}

		byte[] toByteArray() {
			return Arrays.copyOf(bytes, size);
		}

	}

}
