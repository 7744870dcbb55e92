package org.backstory.admin.members;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.backstory.members.ImportedMember;
import org.backstory.members.MemberRoster;
import org.backstory.shared.CsvReader;
import org.backstory.shared.CsvWriter;
import org.backstory.shared.UtcDates;
import org.jspecify.annotations.Nullable;

/**
 * Reads a member import file in Ghost's export columns
 * ({@code email, name, note, subscribed_to_emails,
 * complimentary_plan, labels, created_at}; header names in any case, other columns
 * ignored, email required), plus {@code newsletters}, the slugs of the newsletters a
 * member gets, which Backstory's owner export adds, and checks every row before anything
 * is written; a join date must lie between 1900 and now. An address that already belongs
 * to a member is skipped with a notice, not an error: the import adds members and never
 * changes existing ones.
 */
final class ImportRules {

	static final int MAX_ROWS = 100_000;

	private static final int MAX_EMAIL = 254;

	/**
	 * No member joined earlier, and earlier dates break things: PostgreSQL takes no year
	 * 0 or below, and the export writes years of the era. Spreadsheets write 1899-12-30
	 * for a date they do not have.
	 */
	private static final Instant EARLIEST_JOIN = Instant.parse("1900-01-01T00:00:00Z");

	/**
	 * The problem of a file whose every row is skipped: on its own it has nothing to
	 * import.
	 */
	static final String ALL_KNOWN = "Every member in the file is already a member.";

	private ImportRules() {
	}

	/**
	 * @param taken the lower-case addresses among the given ones that already have an
	 * account
	 * @param compPossible whether a plan offers a tier to comp members to
	 * @param newsletters the slugs of the publication's newsletters
	 */
	static ImportCheck check(String text, Function<Collection<String>, Set<String>> taken, boolean compPossible,
			Set<String> newsletters, Instant now) {
		List<CsvReader.Record> records;
		try {
			records = CsvReader.parse(text);
		}
		catch (CsvReader.MalformedCsvException ex) {
			return ImportCheck.refused(ex.line(),
					"This is not CSV: " + ex.getMessage().replaceFirst("^line \\d+: ", "") + ".");
		}
		if (records.isEmpty()) {
			return ImportCheck.refused(1, "The file is empty.");
		}
		Map<String, Integer> columns = columns(records.get(0).fields());
		if (!columns.containsKey("email")) {
			return ImportCheck.refused(records.get(0).line(),
					"The first line must name the columns, one of them email (as in Ghost's member export).");
		}
		List<CsvReader.Record> data = records.subList(1, records.size());
		if (data.isEmpty()) {
			return ImportCheck.refused(records.get(0).line(), "The file has no members after its header line.");
		}
		if (data.size() > MAX_ROWS) {
			return ImportCheck.refused(records.get(0).line(),
					"At most " + MAX_ROWS + " members can be imported at once.");
		}
		List<ImportProblem> problems = new ArrayList<>();
		List<ImportRow> rows = new ArrayList<>();
		Map<String, Integer> firstLine = new HashMap<>();
		for (CsvReader.Record record : data) {
			Row row = new Row(record, columns);
			List<String> reasons = new ArrayList<>();
			String email = row.get("email").strip();
			if (email.isEmpty()) {
				reasons.add("the email is missing");
			}
			else if (email.length() > MAX_EMAIL || MemberRoster.emailProblem(email).isPresent()) {
				reasons.add("\"" + shortened(email) + "\" is not a valid email address");
			}
			else {
				Integer earlier = firstLine.putIfAbsent(email.toLowerCase(Locale.ROOT), record.line());
				if (earlier != null) {
					reasons.add(email + " is already on line " + earlier);
				}
			}
			String name = row.get("name").strip();
			if (name.isEmpty()) {
				name = MemberRoster.nameFromAddress(email);
			}
			else if (name.length() > 100) {
				reasons.add("the name is longer than 100 characters");
			}
			else {
				MemberRoster.nameProblem(name).ifPresent(problem -> reasons.add("the name has control characters"));
			}
			String note = row.get("note");
			if (note.length() > MemberRoster.NOTE_MAX_LENGTH) {
				reasons.add("the note is longer than " + MemberRoster.NOTE_MAX_LENGTH + " characters");
			}
			Optional<Boolean> subscribed = bool(row.get("subscribed_to_emails"), true);
			if (subscribed.isEmpty()) {
				reasons.add("subscribed_to_emails must be true or false, not \""
						+ shortened(row.get("subscribed_to_emails")) + "\"");
			}
			List<String> chosen = null;
			if (columns.containsKey("newsletters")) {
				chosen = list(row.get("newsletters"));
				chosen.stream()
					.filter(slug -> !newsletters.contains(slug))
					.findFirst()
					.ifPresent(slug -> reasons.add("newsletters names \"" + shortened(slug)
							+ "\", which is not a newsletter here (the newsletters are "
							+ String.join(", ", newsletters.stream().sorted().toList()) + ")"));
				boolean stated = !row.get("subscribed_to_emails").isBlank();
				if (stated && subscribed.isPresent() && subscribed.get() == chosen.isEmpty()) {
					reasons.add(subscribed.get() ? "subscribed_to_emails is true, but newsletters names none"
							: "subscribed_to_emails is false, but newsletters names " + String.join(",", chosen));
				}
				else if (!stated) {
					subscribed = Optional.of(!chosen.isEmpty());
				}
			}
			Optional<Boolean> comp = bool(row.get("complimentary_plan"), false);
			if (comp.isEmpty()) {
				reasons.add("complimentary_plan must be true or false, not \""
						+ shortened(row.get("complimentary_plan")) + "\"");
			}
			else if (comp.get() && !compPossible) {
				reasons.add("complimentary_plan is true, but no plan offers a tier to give");
			}
			List<String> labels = list(row.get("labels"));
			labels.stream()
				.map(MemberRoster::labelProblem)
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent(problem -> reasons.add("a label is longer than 100 characters or has control characters"));
			Instant joined = null;
			String created = row.get("created_at").strip();
			if (!created.isEmpty()) {
				joined = instant(created);
				if (joined == null) {
					reasons.add("created_at \"" + shortened(created) + "\" is not a date such as 2024-03-01T09:30:00Z");
				}
				else if (joined.isAfter(now)) {
					reasons.add("created_at is in the future");
				}
				else if (joined.isBefore(EARLIEST_JOIN)) {
					reasons.add("created_at \"" + shortened(created) + "\" is before 1900");
				}
			}
			if (reasons.isEmpty()) {
				rows.add(new ImportRow(record.line(), new ImportedMember(email, name, note, labels, joined),
						subscribed.orElseThrow(), comp.orElseThrow(), chosen, ownId(row.get("id"))));
			}
			else {
				problems.add(new ImportProblem(record.line(), String.join("; ", reasons)));
			}
		}
		Set<String> existing = taken.apply(rows.stream().map(row -> row.member().email()).toList());
		List<ImportRow> known = rows.stream()
			.filter(row -> existing.contains(row.member().email().toLowerCase(Locale.ROOT)))
			.toList();
		List<ImportProblem> skipped = known.stream()
			.map(row -> new ImportProblem(row.line(), row.member().email() + " is already a member; skipped"))
			.toList();
		List<ImportRow> fresh = rows.stream()
			.filter(row -> !existing.contains(row.member().email().toLowerCase(Locale.ROOT)))
			.toList();
		if (problems.isEmpty() && fresh.isEmpty()) {
			problems.add(new ImportProblem(records.get(0).line(), ALL_KNOWN));
		}
		return new ImportCheck(fresh, problems, skipped, known);
	}

	/**
	 * Backstory's own member id (a positive whole number), or null: Ghost's ids are hex
	 * and are not kept.
	 */
	private static @Nullable Long ownId(String id) {
		String digits = id.strip();
		if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return null;
		}
		long value = Long.parseLong(digits);
		return value > 0 ? value : null;
	}

	private static Map<String, Integer> columns(List<String> header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		return columns;
	}

	/** A comma-separated cell's values, stripped, without empty ones. */
	private static List<String> list(String cell) {
		return Arrays.stream(cell.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
	}

	/** true/false, yes/no, 1/0 in any case; empty gives the default. */
	private static Optional<Boolean> bool(String value, boolean empty) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "" -> Optional.of(empty);
			case "true", "yes", "1" -> Optional.of(true);
			case "false", "no", "0" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

	/**
	 * An ISO instant ({@code 2024-03-01T09:30:00.000Z}), a UTC date and time with a
	 * space, or a UTC date.
	 */
	private static @Nullable Instant instant(String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return UtcDates.withoutZone(value);
		}
	}

	private static String shortened(String value) {
		return value.length() > 60 ? value.substring(0, 60) + "…" : value;
	}

	/**
	 * A record's fields by column name; a missing field is empty, and an export's formula
	 * guard is undone.
	 */
	private record Row(CsvReader.Record record, Map<String, Integer> columns) {

		String get(String column) {
			Integer index = columns.get(column);
			if (index == null || index >= record.fields().size()) {
				return "";
			}
			String value = record.fields().get(index);
			return value.startsWith("'") && CsvWriter.formulaLike(value.substring(1)) ? value.substring(1) : value;
		}

	}

}
