package org.backstory.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: comma-separated fields, optionally quoted with doubled quotes
 * inside, records ending in CRLF or LF (a quoted field may span lines). Each record keeps
 * the line it starts on, for messages such as "line 7: ...". A blank line is no record.
 */
public final class CsvReader {

	private CsvReader() {
	}

	/** One record and the line of the file it starts on (the first line is 1). */
	public record Record(int line, List<String> fields) {
	}

	/**
	 * Thrown for text that is not CSV: a quote that never closes, or text after a closing
	 * quote.
	 */
	public static final class MalformedCsvException extends Exception {

		private final int line;

		MalformedCsvException(int line, String message) {
			super("line " + line + ": " + message);
			this.line = line;
		}

		public int line() {
			return line;
		}

	}

	public static List<Record> parse(String text) throws MalformedCsvException {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		boolean quoted = false;
		boolean afterQuote = false;
		boolean fieldStarted = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
						afterQuote = true;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				afterQuote = false;
				fieldStarted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				endRecord(records, fields, field, recordLine, fieldStarted);
				afterQuote = false;
				fieldStarted = false;
				line++;
				recordLine = line;
			}
			else if (c == '"' && field.isEmpty() && !afterQuote) {
				quoted = true;
				fieldStarted = true;
			}
			else if (afterQuote) {
				throw new MalformedCsvException(line, "text after a closing quote");
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
			i++;
		}
		if (quoted) {
			throw new MalformedCsvException(recordLine, "a quoted field is never closed");
		}
		endRecord(records, fields, field, recordLine, fieldStarted);
		return records;
	}

	private static void endRecord(List<Record> records, List<String> fields, StringBuilder field, int line,
			boolean fieldStarted) {
		if (fieldStarted || !fields.isEmpty()) {
			fields.add(field.toString());
			records.add(new Record(line, List.copyOf(fields)));
		}
		fields.clear();
		field.setLength(0);
	}

}
