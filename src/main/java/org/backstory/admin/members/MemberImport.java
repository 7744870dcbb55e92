package org.backstory.admin.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.billing.MemberBillingQueries;
import org.backstory.billing.SubscriptionService;
import org.backstory.imports.ArchiveMembers;
import org.backstory.members.ImportedMember;
import org.backstory.members.MemberRestore;
import org.backstory.members.MemberRoster;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing members from a CSV file in two steps: {@link #check} reads and checks every
 * row and keeps the file for an hour, {@link #confirm} imports all of it in one
 * transaction, or nothing. Backstory's own export imported by the only member of a new
 * publication keeps every member's id and the importer's own row ({@link MemberRestore}),
 * so a re-export is the same file. The archive import at {@code /admin/import} reads an
 * export archive's members.csv through the same checks and writes
 * ({@link ArchiveMembers}), in its own transaction.
 */
@Service
public class MemberImport implements ArchiveMembers {

	/** The message for a file whose bytes are not UTF-8. */
	public static final String NOT_UTF8 = "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.";

	private static final Logger log = LoggerFactory.getLogger(MemberImport.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MemberRoster roster;

	private final MemberRestore restore;

	private final MemberBillingQueries billing;

	private final SubscriptionService subscriptions;

	private final Newsletters newsletters;

	private final OptIns optIns;

	private final PendingImports pending;

	private final StaffActions staffActions;

	private final Clock clock;

	MemberImport(MemberRoster roster, MemberRestore restore, MemberBillingQueries billing,
			SubscriptionService subscriptions, Newsletters newsletters, OptIns optIns, PendingImports pending,
			StaffActions staffActions, Clock clock) {
		this.roster = roster;
		this.restore = restore;
		this.billing = billing;
		this.subscriptions = subscriptions;
		this.newsletters = newsletters;
		this.optIns = optIns;
		this.pending = pending;
		this.staffActions = staffActions;
		this.clock = clock;
	}

	/**
	 * A checked file: what importing it would do, and the id to confirm it with.
	 *
	 * @param id what {@link #confirm} takes, or null when the file cannot be imported
	 * @param check the rows, problems and skipped rows
	 * @param optIns how many newsletter opt-ins the import makes
	 * @param restoring whether it restores Backstory's own export with its ids; then the
	 * file's comps are not granted: they come back with their dates from the archive's
	 * subscriptions.csv at {@code /admin/import}
	 */
	public record DryRun(@Nullable String id, ImportCheck check, long optIns, boolean restoring) {
	}

	/** The outcome of a confirmation. */
	public sealed interface Outcome {

		/** Done: {@code count} members imported, {@code comps} of them comped. */
		record Imported(int count, long optIns, long comps) implements Outcome {
		}

		/**
		 * Nothing imported: the file no longer passes its checks (e.g. an address was
		 * taken meanwhile).
		 */
		record Refused(ImportCheck check) implements Outcome {
		}

		/**
		 * Nothing imported: no checked file has this id for this staff member (expired,
		 * or already imported).
		 */
		record Unknown() implements Outcome {
		}

	}

	/**
	 * Reads and checks the uploaded bytes; keeps a file that can be imported for
	 * {@link #confirm}.
	 */
	@Transactional
	public DryRun check(long staffId, byte[] bytes) {
		Optional<String> text = Utf8Text.decode(bytes);
		if (text.isEmpty()) {
			return new DryRun(null, ImportCheck.refused(1, NOT_UTF8), 0, false);
		}
		ImportCheck check = check(text.get());
		if (!check.importable()) {
			return new DryRun(null, check, 0, false);
		}
		String id = HexFormat.of().formatHex(randomBytes());
		pending.save(id, staffId, text.get(), clock.instant());
		return new DryRun(id, check, check.optIns(defaultSlugs()), restoring(staffId, check));
	}

	/**
	 * Imports the checked file: every member, their opt-ins, comps and labels, in one
	 * transaction.
	 */
	@Transactional
	public Outcome confirm(long staffId, String id) {
		Optional<String> text = pending.take(id, staffId, clock.instant());
		if (text.isEmpty()) {
			return new Outcome.Unknown();
		}
		ImportCheck check = check(text.get());
		if (!check.importable()) {
			return new Outcome.Refused(check);
		}
		Written written = write(staffId, check);
		return new Outcome.Imported(written.members(), written.optIns(), written.comps());
	}

	@Override
	public Check dryRun(long staffId, byte[] csv, Arriving arriving) {
		ImportCheck check = read(csv, arriving);
		List<String> defaults = new ArrayList<>(defaultSlugs());
		defaults.addAll(arriving.onByDefault());
		return new Check(check.rows().size(),
				check.rows()
					.stream()
					.map(row -> row.member().email().toLowerCase(Locale.ROOT))
					.collect(Collectors.toSet()),
				lines(archiveProblems(check)), lines(check.skipped()), check.optIns(defaults),
				restoring(staffId, check) ? 0 : check.comps(), !check.rows().isEmpty() && restoring(staffId, check));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Written write(long staffId, byte[] csv) {
		ImportCheck check = read(csv, Arriving.NOTHING);
		List<ImportProblem> problems = archiveProblems(check);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("members.csv no longer passes its checks: " + problems.get(0) + ".");
		}
		return check.rows().isEmpty() ? new Written(0, 0, 0) : write(staffId, check);
	}

	/** Writes the rows of a file that passed its checks, in the caller's transaction. */
	private Written write(long staffId, ImportCheck check) {
		List<ImportedMember> members = check.rows().stream().map(ImportRow::member).toList();
		boolean restoring = restoring(staffId, check);
		Map<String, Long> ids = restoring
				? restore.restoreAll(members, check.rows().stream().map(ImportRow::id).toList())
				: roster.importAll(members);
		if (restoring) {
			check.taken().forEach(own -> restoreOwnRow(staffId, own));
		}
		List<String> defaults = defaultSlugs();
		long optedIn = 0;
		for (Newsletter newsletter : newsletters.all()) {
			List<Long> chosen = check.rows()
				.stream()
				.filter(row -> row.newsletterSlugs(defaults).contains(newsletter.slug()))
				.map(row -> id(ids, row))
				.toList();
			optedIn += optIns.optInAll(newsletter.id(), chosen);
		}
		String tier = billing.defaultCompTier();
		for (ImportRow row : check.rows()) {
			if (row.comp() && tier != null && !restoring) {
				subscriptions.grantCompByStaff(staffId, id(ids, row), tier, null);
			}
		}
		long comps = restoring ? 0 : check.comps();
		staffActions.record(staffId, "members.imported", check.rows().size() + " members",
				optedIn + " newsletter opt-ins, " + comps + " comps, " + check.skipped().size() + " skipped");
		log.info("Members imported count={} comps={} restoring={} staffId={}", check.rows().size(), comps, restoring,
				staffId);
		return new Written(check.rows().size(), optedIn, comps);
	}

	/**
	 * The bytes of an archive's members.csv checked, or refused on line 1 when they are
	 * not UTF-8.
	 */
	private ImportCheck read(byte[] bytes, Arriving arriving) {
		return Utf8Text.decode(bytes)
			.map(text -> check(text, arriving))
			.orElseGet(() -> ImportCheck.refused(1, NOT_UTF8));
	}

	private ImportCheck check(String text) {
		return check(text, Arriving.NOTHING);
	}

	private ImportCheck check(String text, Arriving arriving) {
		Set<String> slugs = newsletters.all()
			.stream()
			.map(Newsletter::slug)
			.collect(Collectors.toCollection(HashSet::new));
		slugs.addAll(arriving.newsletters());
		return ImportRules.check(text, roster::takenEmails, billing.defaultCompTier() != null || arriving.compTier(),
				slugs, clock.instant());
	}

	/**
	 * The problems that stop an archive's members.csv: all but "every member is already a
	 * member", which for an archive uploaded again only means there are no members to
	 * add, while its articles or billing may be.
	 */
	private static List<ImportProblem> archiveProblems(ImportCheck check) {
		return check.problems().stream().filter(problem -> !problem.reason().equals(ImportRules.ALL_KNOWN)).toList();
	}

	private static List<Line> lines(List<ImportProblem> problems) {
		return problems.stream().map(problem -> new Line(problem.line(), problem.reason())).toList();
	}

	/**
	 * Whether the file is Backstory's own export restored into a publication whose only
	 * member is the importer: every row has an id, none the importer's.
	 */
	private boolean restoring(long staffId, ImportCheck check) {
		return restore.onlyMember(staffId)
				&& check.rows().stream().allMatch(row -> row.id() != null && row.id() != staffId);
	}

	/**
	 * The importing staff member's own row of a restored export (the only address that
	 * already had an account): their name, note, join time and newsletters as exported.
	 */
	private void restoreOwnRow(long staffId, ImportRow own) {
		restore.restoreOwnProfile(staffId, own.member().name(), own.member().note(), own.member().joinedAt());
		List<String> slugs = own.newsletterSlugs(defaultSlugs());
		optIns.choose(staffId,
				newsletters.all().stream().filter(n -> slugs.contains(n.slug())).map(Newsletter::id).toList());
	}

	private static long id(Map<String, Long> ids, ImportRow row) {
		return ids.get(row.member().email().toLowerCase(Locale.ROOT));
	}

	private List<String> defaultSlugs() {
		return newsletters.all().stream().filter(Newsletter::defaultOn).map(Newsletter::slug).toList();
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
