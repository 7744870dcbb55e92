package org.backstory.admin.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.backstory.billing.BillingStatus;
import org.backstory.billing.MemberBilling;
import org.backstory.members.ImportedMember;
import org.backstory.members.MemberListing;
import org.backstory.members.MemberRole;
import org.backstory.memberlist.MemberRow;
import org.backstory.shared.CsvReader;
import org.backstory.shared.CsvWriter;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz tests of the member CSV import: any uploaded bytes end in a check with reasons,
 * never in an exception, and whatever the check accepts comes back the same through the
 * member export. The inputs in {@code MemberImportFuzzTestsInputs} (Ghost member exports,
 * broken CSV) run in every build; {@code bench/fuzz.sh} fuzzes from them.
 */
class MemberImportFuzzTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private static final String COMP_TIER = "Supporter";

	/** Only CSV syntax is refused by an exception, and that one is documented. */
	@FuzzTest
	@Timeout(10)
	void csvIsReadOrRefusedAsMalformed(byte[] input) {
		Optional<String> text = Utf8Text.decode(input);
		if (text.isEmpty()) {
			return;
		}
		try {
			List<CsvReader.Record> records = CsvReader.parse(text.get());
			assertThat(records).allSatisfy(record -> assertThat(record.line()).isBetween(1, lineBound(text.get())));
		}
		catch (CsvReader.MalformedCsvException ex) {
			assertThat(ex.line()).isBetween(1, lineBound(text.get()));
		}
	}

	/**
	 * A file that cannot be imported says why, on a line of the file; the rows it
	 * accepts, exported as the member list would export them once imported, are accepted
	 * again as the same members.
	 */
	@FuzzTest
	@Timeout(10)
	void checkExplainsEveryRefusalAndAcceptedRowsSurviveExportAndImport(byte[] input) {
		Optional<String> text = Utf8Text.decode(input);
		if (text.isEmpty()) {
			return;
		}

		ImportCheck check = check(text.get());

		assertThat(check.importable() || !check.problems().isEmpty()).as("a refusal gives a reason").isTrue();
		for (ImportProblem problem : concat(check.problems(), check.skipped())) {
			assertThat(problem.line()).isBetween(1, lineBound(text.get()));
			assertThat(problem.reason()).isNotBlank();
		}
		if (check.rows().isEmpty()) {
			return;
		}
		ImportCheck again = check(exported(check.rows()));
		assertThat(again.problems()).isEmpty();
		assertThat(again.rows()).map(MemberImportFuzzTests::comparable)
			.containsExactlyElementsOf(check.rows().stream().map(MemberImportFuzzTests::stored).toList());
	}

	private static ImportCheck check(String text) {
		return ImportRules.check(text, MemberImportFuzzTests::taken, true, Set.of("weekly"), NOW);
	}

	/**
	 * Addresses starting with "taken" already belong to members, so the skipping path is
	 * fuzzed too.
	 */
	private static Set<String> taken(Collection<String> emails) {
		return emails.stream()
			.map(email -> email.toLowerCase(Locale.ROOT))
			.filter(email -> email.startsWith("taken"))
			.collect(Collectors.toSet());
	}

	/**
	 * The accepted rows as the member export writes them after the import (labels sorted,
	 * comps comped).
	 */
	private static String exported(List<ImportRow> rows) {
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out);
		csv.row(MemberExport.COLUMNS);
		long id = 1;
		for (ImportRow row : rows) {
			ImportRow stored = stored(row);
			MemberListing member = new MemberListing(id++, stored.member().email(), stored.member().name(),
					MemberRole.MEMBER, false, stored.member().joinedAt(), stored.member().note(),
					stored.member().labels(), stored.member().joinedAt(), null);
			MemberBilling billing = row.comp() ? new MemberBilling(BillingStatus.COMPED, null, null, COMP_TIER)
					: MemberBilling.free();
			csv.row(MemberExport.line(new MemberRow(member, billing, row.subscribed() ? Set.of(1L) : Set.of())));
		}
		return out.toString();
	}

	/**
	 * A row as the database keeps it: each label once, in order, and the join time now
	 * when none was given.
	 */
	private static ImportRow stored(ImportRow row) {
		Instant joined = row.member().joinedAt() == null ? NOW : row.member().joinedAt();
		return new ImportRow(0, new ImportedMember(row.member().email(), row.member().name(), row.member().note(),
				row.member().labels().stream().distinct().sorted().toList(), joined.truncatedTo(ChronoUnit.MILLIS)),
				row.subscribed(), row.comp(), row.newsletters());
	}

	/** A re-imported row without its line number, which the export changes. */
	private static ImportRow comparable(ImportRow row) {
		return new ImportRow(0, row.member(), row.subscribed(), row.comp(), row.newsletters());
	}

	/**
	 * One more than the line breaks: no record, problem or refusal may point past the end
	 * of the file.
	 */
	private static int lineBound(String text) {
		return (int) text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
	}

	private static List<ImportProblem> concat(List<ImportProblem> first, List<ImportProblem> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

}
