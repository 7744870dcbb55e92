package org.backstory.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.billing.MemberBillingQueries;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads an upload and checks it against what Backstory accepts, so that a plan found
 * importable here imports without a refusal: each post as the editor would save it, paid
 * subscribers only when a plan offers a tier to comp them to, and whether Backstory's own
 * billing files will be restored.
 */
@Component
class ArchiveChecks {

	private final ArticleEditor editor;

	private final PlanCatalog plans;

	private final MemberBillingQueries billing;

	private final Clock clock;

	private final ArchiveRestore restore;

	private final BillingRestorer billingRestore;

	private final ArchiveMembers members;

	ArchiveChecks(ArticleEditor editor, PlanCatalog plans, MemberBillingQueries billing, ArchiveRestore restore,
			BillingRestorer billingRestore, ArchiveMembers members, Clock clock) {
		this.editor = editor;
		this.members = members;
		this.billingRestore = billingRestore;
		this.restore = restore;
		this.plans = plans;
		this.billing = billing;
		this.clock = clock;
	}

	/**
	 * Checks the upload for the staff member importing it (a restore of members.csv
	 * depends on who that is).
	 */
	ArchivePlan check(long staffId, String fileName, byte[] bytes) {
		Set<String> tiers = plans.activePlans().stream().map(Plan::tier).collect(Collectors.toSet());
		ArchivePlan plan = ArchiveReader.read(fileName, bytes, tiers, clock.instant());
		List<ImportProblem> problems = new ArrayList<>(plan.problems());
		for (PlannedPost post : plan.posts()) {
			editor
				.problems(
						new ArticleDraft(null, post.slug(), post.title(), post.dek(), "", List.of("author"), List.of(),
								null, null, post.coverImageUrl(), post.visibility(), post.seo())
							.withText(post.text()))
				.forEach(problem -> problems.add(ImportProblem.blocking(post.where(), problem)));
		}
		if (plan.subscribers().stream().anyMatch(PlannedSubscriber::paid) && billing.defaultCompTier() == null) {
			problems.add(ImportProblem.blocking("the subscriber list",
					"Some subscribers paid, but no plan offers a tier to comp them to: create a plan first."));
		}
		if (plan.posts().isEmpty() && plan.subscribers().isEmpty()
				&& problems.stream().noneMatch(ImportProblem::blocking)) {
			problems.add(ImportProblem.blocking(fileName, "The archive has no posts and no subscribers to import."));
		}
		ArchiveMembers.Check memberCheck = plan.members() == null ? null
				: members.dryRun(staffId, plan.members(), arriving(plan.restore()));
		if (memberCheck != null) {
			problems.addAll(memberProblems(memberCheck));
		}
		if (plan.restore() != null) {
			problems.add(ImportProblem.notice("db[0].backstory", restore.empty()
					? "Backstory's own export into an empty publication: articles, authors, tags and storylines keep their ids and times; the publication's settings, plans and newsletters are restored."
					: "This publication already has articles, authors, tags or storylines: imported with new ids and times; the publication's settings, plans and newsletters are not restored."));
			problems.addAll(memberCheck == null ? billingRestore.check(plan.restore())
					: billingRestore.check(plan.restore(), memberCheck.emails(), memberCheck.comps() > 0));
		}
		return new ArchivePlan(plan.source(), plan.posts(), plan.subscribers(), problems, plan.restore(),
				plan.members());
	}

	/**
	 * The newsletters and plans a restore writes before the members, which members.csv
	 * may name.
	 */
	private ArchiveMembers.Arriving arriving(@Nullable SiteRestore site) {
		if (site == null || !restore.empty()) {
			return ArchiveMembers.Arriving.NOTHING;
		}
		return new ArchiveMembers.Arriving(
				site.newsletters().stream().map(NewsletterSettings::slug).collect(Collectors.toSet()),
				site.newsletters()
					.stream()
					.filter(NewsletterSettings::defaultOn)
					.map(NewsletterSettings::slug)
					.collect(Collectors.toSet()),
				site.plans().stream().anyMatch(SiteRestore.RestoredPlan::active));
	}

	/**
	 * The member import's verdict on members.csv: each bad row blocks the whole archive;
	 * otherwise one notice says what it imports and keeps, and one which addresses it
	 * skips.
	 */
	private static List<ImportProblem> memberProblems(ArchiveMembers.Check check) {
		String where = ArchiveReader.MEMBERS;
		if (!check.problems().isEmpty()) {
			return check.problems()
				.stream()
				.map(line -> ImportProblem.blocking(where + " line " + line.line(), line.reason()))
				.toList();
		}
		List<ImportProblem> notices = new ArrayList<>();
		notices.add(ImportProblem.notice(where, check.members() + " members will be imported" + (check.restoring()
				? " with their ids, names, notes, labels, join dates and newsletters as exported (you are the only member here); their comps are not granted from complimentary_plan but restored from subscriptions.csv with their dates"
				: " with new ids, their names, notes, labels and join dates, and " + check.optIns()
						+ " newsletter opt-ins; " + check.comps() + " get complimentary access (complimentary_plan)")
				+ "."));
		if (!check.skipped().isEmpty()) {
			notices.add(ImportProblem.notice(where,
					check.skipped().size()
							+ " rows skipped: their address already belongs to a member here, who is left as they are ("
							+ check.skipped()
								.stream()
								.limit(3)
								.map(line -> "line " + line.line())
								.collect(Collectors.joining(", "))
							+ (check.skipped().size() > 3 ? ", …" : "") + ")."));
		}
		return notices;
	}

}
