package org.backstory.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it (comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, quote or line break, quotes doubled), with one addition: a field a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return) gets a leading apostrophe, so an export opened in a spreadsheet cannot run what
 * a member typed as their name.
 */
public final class CsvWriter {

	private final Writer out;

	public CsvWriter(Writer out) {
		this.out = out;
	}

	/** Writes one line: the fields in order, then CRLF. */
	public void row(List<String> fields) {
		try {
			for (int i = 0; i < fields.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(field(fields.get(i)));
			}
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One field, made formula-safe and quoted when needed. */
	public static String field(String value) {
		String safe = formulaLike(value) ? "'" + value : value;
		boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

	/** Whether a spreadsheet would read this as a formula. */
	public static boolean formulaLike(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
	}

}
