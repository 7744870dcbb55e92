package org.backstory.email.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One header field as written, continuation lines included, without its final CRLF. */
record HeaderField(String name, String text) {

	/** The fields of the header section, which ends right before {@code headerEnd}. */
	static List<HeaderField> parse(byte[] message, int headerEnd) {
		String header = new String(message, 0, headerEnd, StandardCharsets.ISO_8859_1);
		List<HeaderField> fields = new ArrayList<>();
		int start = 0;
		while (start < header.length()) {
			int end = header.indexOf("\r\n", start);
			while (end >= 0 && end + 2 < header.length()
					&& (header.charAt(end + 2) == ' ' || header.charAt(end + 2) == '\t')) {
				end = header.indexOf("\r\n", end + 2);
			}
			if (end < 0) {
				end = header.length();
			}
			String text = header.substring(start, end);
			int colon = text.indexOf(':');
			if (colon > 0) {
				fields.add(new HeaderField(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text));
			}
			start = end + 2;
		}
		return fields;
	}

	String relaxed() {
		return relaxed(text);
	}

	/**
	 * Relaxed header canonicalisation (RFC 6376 3.4.2): lower-case name, unfolded, runs
	 * of spaces and tabs as one space, none around the colon or at the end.
	 */
	static String relaxed(String field) {
		int colon = field.indexOf(':');
		StringBuilder canonical = new StringBuilder(field.length());
		canonical.append(field.substring(0, colon).strip().toLowerCase(Locale.ROOT)).append(':');
		int valueStart = canonical.length();
		boolean space = false;
		for (int i = colon + 1; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '\r' || c == '\n') {
				continue;
			}
			if (c == ' ' || c == '\t') {
				space = true;
				continue;
			}
			if (space && canonical.length() > valueStart) {
				canonical.append(' ');
			}
			space = false;
			canonical.append(c);
		}
		return canonical.toString();
	}

}
