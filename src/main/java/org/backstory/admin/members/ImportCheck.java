package org.backstory.admin.members;

import java.util.List;

/**
 * What an import file would do, worked out before anything is written.
 *
 * @param rows the rows to import (when there are no problems)
 * @param problems the rows that stop the import, each with its line and reason
 * @param skipped rows left out on purpose: addresses that already belong to a member
 * @param taken the valid rows of those addresses (a restore puts back the importing
 * member's own row)
 */
public record ImportCheck(List<ImportRow> rows, List<ImportProblem> problems, List<ImportProblem> skipped,
		List<ImportRow> taken) {

	public ImportCheck {
		rows = List.copyOf(rows);
		problems = List.copyOf(problems);
		skipped = List.copyOf(skipped);
		taken = List.copyOf(taken);
	}

	static ImportCheck refused(int line, String reason) {
		return new ImportCheck(List.of(), List.of(new ImportProblem(line, reason)), List.of(), List.of());
	}

	public boolean importable() {
		return problems.isEmpty() && !rows.isEmpty();
	}

	public long comps() {
		return rows.stream().filter(ImportRow::comp).count();
	}

	/**
	 * How many newsletter opt-ins the import makes, given the slugs of the newsletters on
	 * by default.
	 */
	public long optIns(List<String> defaults) {
		return rows.stream().mapToLong(row -> row.newsletterSlugs(defaults).size()).sum();
	}

}
