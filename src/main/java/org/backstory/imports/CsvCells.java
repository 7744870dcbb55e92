package org.backstory.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One row of a billing file's CSV by column, collecting what is wrong with its cells
 * instead of stopping at the first, so the import names every problem of a row at once.
 */
final class CsvCells {

	private static final Instant NONE = Instant.EPOCH;

	private final Map<String, String> values = new HashMap<>();

	private final List<String> wrong = new ArrayList<>();

	CsvCells(List<String> header, List<String> fields) {
		for (int i = 0; i < header.size(); i++) {
			values.putIfAbsent(header.get(i), unescaped(fields.get(i)));
		}
	}

	/** What is wrong with the cells read so far, one phrase each. */
	List<String> wrong() {
		return List.copyOf(wrong);
	}

	/** A cell's text, or null when it is empty. */
	@Nullable String text(String column) {
		String value = values.getOrDefault(column, "");
		return value.isEmpty() ? null : value;
	}

	String required(String column) {
		String value = text(column);
		if (value == null) {
			wrong.add(column + " is empty");
			return "";
		}
		return value;
	}

	long id(String column) {
		Long id = number(column, null);
		if (id == null || id <= 0) {
			wrong.add(column + " must be a positive number");
			return 0;
		}
		return id;
	}

	/** A whole number, or {@code empty} when the cell is empty. */
	@Nullable Long number(String column, @Nullable Long empty) {
		Long value = parse(column, Long::valueOf);
		return value == null ? empty : value;
	}

	<T> @Nullable T parse(String column, Function<String, T> parser) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (NumberFormatException ex) {
			wrong.add(column + " is not a whole number (\"" + value + "\")");
			return null;
		}
	}

	boolean bool(String column) {
		String value = values.getOrDefault(column, "");
		if (!value.equals("true") && !value.equals("false")) {
			wrong.add(column + " must be true or false, not \"" + value + "\"");
		}
		return value.equals("true");
	}

	/** A date that must be there. */
	Instant at(String column) {
		Instant at = when(column);
		if (at == null && !values.getOrDefault(column, "").isEmpty()) {
			return NONE;
		}
		if (at == null) {
			wrong.add(column + " is empty");
			return NONE;
		}
		return at;
	}

	/** A date, or null when the cell is empty. */
	@Nullable Instant when(String column) {
		String value = text(column);
		if (value == null) {
			return null;
		}
		Instant at = ArchiveText.instant(value);
		if (at == null) {
			wrong.add(column + " is not a date (\"" + value + "\")");
		}
		return at;
	}

	/**
	 * The cell as written before the export guarded it against spreadsheet formulas
	 * (shared.CsvWriter).
	 */
	private static String unescaped(String cell) {
		return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
				? cell.substring(1) : cell;
	}

}
