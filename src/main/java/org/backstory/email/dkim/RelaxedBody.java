package org.backstory.email.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** Relaxed body canonicalisation (RFC 6376 3.4.4) fed straight into SHA-256. */
final class RelaxedBody {

	private static final byte[] CRLF = { '\r', '\n' };

	private RelaxedBody() {
	}

	static byte[] sha256(byte[] message, int bodyStart) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
		byte[] line = new byte[1024];
		int emptyLines = 0;
		int start = bodyStart;
		while (start < message.length) {
			int end = lineEnd(message, start);
			int last = end;
			while (last > start && isSpace(message[last - 1])) {
				last--;
			}
			if (last == start) {
				// Empty lines count only if something follows them.
				emptyLines++;
			}
			else {
				for (; emptyLines > 0; emptyLines--) {
					digest.update(CRLF);
				}
				if (line.length < last - start) {
					line = new byte[last - start];
				}
				int length = 0;
				boolean space = false;
				for (int i = start; i < last; i++) {
					byte b = message[i];
					if (isSpace(b)) {
						if (!space) {
							line[length++] = ' ';
						}
						space = true;
					}
					else {
						line[length++] = b;
						space = false;
					}
				}
				digest.update(line, 0, length);
				digest.update(CRLF);
			}
			start = end + 2;
		}
		return digest.digest();
	}

	/** The index of the CR ending the line from {@code start}, or the message's end. */
	private static int lineEnd(byte[] message, int start) {
		for (int i = start; i + 1 < message.length; i++) {
			if (message[i] == '\r' && message[i + 1] == '\n') {
				return i;
			}
		}
		return message.length;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t';
	}

}
