package org.backstory.imports;

import java.util.List;
import java.util.Set;

/**
 * The member CSV import, for an archive's {@code members.csv}. Declared here and
 * implemented by admin, which owns the member import ({@code /admin/members/import}), so
 * the archive's members are read, checked and written by the same code as a members.csv
 * uploaded on its own: imports cannot depend on admin, admin may depend on imports.
 */
public interface ArchiveMembers {

	/**
	 * Reads and checks the file as the member import does, writing nothing.
	 * @param arriving what the archive restores before its members are written, which the
	 * file may name
	 */
	Check dryRun(long staffId, byte[] csv, Arriving arriving);

	/**
	 * Imports the file in the caller's transaction (there must be one), so a refusal
	 * later in the archive's import rolls the members back too.
	 * @throws IllegalStateException when the file no longer passes its checks
	 */
	Written write(long staffId, byte[] csv);

	/**
	 * What importing the file would do.
	 *
	 * @param members how many rows become members
	 * @param emails their addresses, lower case
	 * @param problems the rows that stop the import, each with its line and reason
	 * @param skipped rows left out: addresses that already belong to a member here
	 * @param optIns how many newsletter opt-ins the import makes
	 * @param comps how many members get complimentary access
	 * ({@code complimentary_plan}); none when restoring
	 * @param restoring whether Backstory's own export is restored with its ids (the
	 * importer is the only member); then comps are left to the archive's
	 * subscriptions.csv
	 */
	record Check(int members, Set<String> emails, List<Line> problems, List<Line> skipped, long optIns, long comps,
			boolean restoring) {

		public Check {
			emails = Set.copyOf(emails);
			problems = List.copyOf(problems);
			skipped = List.copyOf(skipped);
		}

	}

	/**
	 * What an archive's restore brings before its members are written (its newsletters
	 * and plans), so a members.csv naming them passes the dry run of a publication that
	 * does not have them yet.
	 *
	 * @param newsletters the slugs of the newsletters restored
	 * @param onByDefault those of them a subscribed member gets when the file names none
	 * @param compTier whether an active plan is restored, which members can be comped to
	 */
	record Arriving(Set<String> newsletters, Set<String> onByDefault, boolean compTier) {

		/** An archive that restores nothing before its members. */
		public static final Arriving NOTHING = new Arriving(Set.of(), Set.of(), false);

		public Arriving {
			newsletters = Set.copyOf(newsletters);
			onByDefault = Set.copyOf(onByDefault);
		}

	}

	/** A line of the file and what is wrong with it, or why it is skipped. */
	record Line(int line, String reason) {
	}

	/** What was imported. */
	record Written(int members, long optIns, long comps) {
	}

}
