package org.backstory.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.backstory.billing.BillingArchive.ArchivedPayment;
import org.backstory.billing.BillingArchive.ArchivedSubscription;
import org.backstory.billing.BillingRestore;
import org.backstory.billing.MemberBillingQueries;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.publishing.ArchiveRestore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Restores the billing files of Backstory's own export archive ({@link BillingFiles})
 * through {@link BillingRestore}, in the import's transaction. They are restored only
 * into a publication that has no subscriptions or payments yet, and only when every
 * member they belong to is here (found by address) or arrives with the archive's
 * members.csv, which the import writes first; otherwise the dry run says why they are
 * left out.
 */
@Component
class BillingRestorer {

	/** The id a dry run gives a member members.csv will add: never written. */
	private static final long ARRIVING = 0;

	private final BillingRestore billing;

	private final MemberBillingQueries plans;

	private final MemberDirectory directory;

	private final ArchiveRestore site;

	BillingRestorer(BillingRestore billing, MemberBillingQueries plans, MemberDirectory directory,
			ArchiveRestore site) {
		this.billing = billing;
		this.plans = plans;
		this.directory = directory;
		this.site = site;
	}

	/**
	 * What restoring the archive's billing files would do, for the dry run: one notice,
	 * or blocking problems.
	 */
	List<ImportProblem> check(@Nullable SiteRestore restore) {
		return check(restore, Set.of(), false);
	}

	/**
	 * The same for an archive with a members.csv, whose members are written before the
	 * billing files.
	 * @param arriving the lower-case addresses members.csv adds
	 * @param compsGranted whether members.csv grants comps (not a restore), so the
	 * publication will have subscriptions by the time the billing files are read
	 */
	List<ImportProblem> check(@Nullable SiteRestore restore, Set<String> arriving, boolean compsGranted) {
		return decide(restore, arriving, compsGranted).problems();
	}

	/**
	 * Restores the billing files when the dry run said it would.
	 * @throws IllegalStateException or IllegalArgumentException when billing refuses (the
	 * import rolls back)
	 */
	BillingRestore.Restored write(@Nullable SiteRestore restore) {
		Decision decision = decide(restore, Set.of(), false);
		if (decision.subscriptions() == null || decision.payments() == null || restore == null
				|| restore.billing() == null) {
			return new BillingRestore.Restored(0, 0, 0, 0);
		}
		return billing.restore(decision.subscriptions(), decision.payments(), restore.billing().events());
	}

	/**
	 * @param subscriptions and {@code payments}: the rows with this publication's member
	 * ids, or null when nothing is restored
	 */
	private record Decision(List<ImportProblem> problems, @Nullable List<ArchivedSubscription> subscriptions,
			@Nullable List<ArchivedPayment> payments) {

		static Decision nothing(List<ImportProblem> problems) {
			return new Decision(problems, null, null);
		}

	}

	private Decision decide(@Nullable SiteRestore restore, Set<String> arriving, boolean compsGranted) {
		BillingFiles files = restore == null ? null : restore.billing();
		if (files == null || files.isEmpty()) {
			return Decision.nothing(List.of());
		}
		long existing = billing.existingRows();
		if (existing > 0) {
			return Decision.nothing(List.of(ImportProblem.notice(BillingFiles.where(), "Not restored: this publication"
					+ " already has subscriptions or payments; they are restored only into a publication that has none.")));
		}
		if (compsGranted) {
			return Decision.nothing(List.of(ImportProblem.notice(BillingFiles.where(), "Not restored: members.csv is"
					+ " imported with new ids and its comps granted, so the publication will have subscriptions; they are"
					+ " restored only into a publication that has none.")));
		}
		Map<String, Long> members = members(files);
		// Members arriving with members.csv get their ids only when written; the dry run
		// needs no id, only the count.
		arriving.forEach(email -> members.putIfAbsent(email, ARRIVING));
		List<String> missing = new ArrayList<>();
		files.subscriptions().forEach(s -> absent(s.email(), members, missing));
		files.payments().forEach(p -> absent(p.email(), members, missing));
		if (!missing.isEmpty()) {
			return Decision.nothing(List.of(ImportProblem.notice(BillingFiles.where(), "Not restored yet: "
					+ missing.size() + " of the members they belong to are not here ("
					+ String.join(", ", missing.subList(0, Math.min(3, missing.size())))
					+ (missing.size() > 3 ? ", …" : "")
					+ ") and the archive's members.csv does not bring them: upload the whole export archive.")));
		}
		Set<String> known = new HashSet<>(plans.plans().keySet());
		if (site.empty()) {
			restore.plans().forEach(plan -> known.add(plan.plan().code()));
		}
		List<ImportProblem> problems = new ArrayList<>();
		List<ArchivedSubscription> subscriptions = new ArrayList<>();
		for (BillingFiles.Located<ArchivedSubscription> s : files.subscriptions()) {
			if (s.row().plan() != null && !known.contains(s.row().plan())) {
				problems.add(ImportProblem.blocking(BillingFiles.SUBSCRIPTIONS + " line " + s.line(),
						"no plan with code " + s.row().plan() + " here or in posts.json."));
			}
			subscriptions.add(s.row().forMember(id(members, s.email())));
		}
		if (!problems.isEmpty()) {
			return Decision.nothing(problems);
		}
		List<ArchivedPayment> payments = files.payments()
			.stream()
			.map(p -> p.row().forMember(p.email() == null ? null : id(members, p.email())))
			.toList();
		long cardNeeded = subscriptions.stream().filter(BillingRestore::needsCard).count();
		return new Decision(
				List.of(ImportProblem.notice(BillingFiles.where(),
						subscriptions.size() + " subscriptions, " + payments.size() + " payments and "
								+ (files.events().isEmpty()
										? "no history entries (the archive has no " + BillingFiles.EVENTS
												+ ": the revenue figures count them from today)"
										: files.events().size() + " history entries")
								+ " will be restored with their ids and dates. Cards are not exported: " + cardNeeded
								+ " paid subscriptions that renew will ask their members for a card here.")),
				subscriptions, payments);
	}

	private Map<String, Long> members(BillingFiles files) {
		Map<String, Long> found = new HashMap<>();
		List<String> emails = new ArrayList<>();
		files.subscriptions().forEach(s -> emails.add(s.email()));
		files.payments().forEach(p -> emails.add(p.email()));
		for (String email : emails) {
			if (email != null && !found.containsKey(key(email))) {
				Optional<MemberProfile> profile = directory.findByEmail(email);
				profile.ifPresent(p -> found.put(key(email), p.id()));
			}
		}
		return found;
	}

	private static void absent(@Nullable String email, Map<String, Long> members, List<String> missing) {
		if (email != null && !members.containsKey(key(email)) && !missing.contains(key(email))) {
			missing.add(key(email));
		}
	}

	private static long id(Map<String, Long> members, @Nullable String email) {
		return members.get(key(Objects.requireNonNull(email)));
	}

	private static String key(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

}
