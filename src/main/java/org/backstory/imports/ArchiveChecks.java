package org.backstory.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.backstory.billing.MemberBillingQueries;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.publishing.ArchiveRestore;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.springframework.stereotype.Component;

/**
 * Reads an upload and checks it against what Backstory accepts, so that a plan found importable here
 * imports without a refusal: each post as the editor would save it, paid subscribers only when a plan
 * offers a tier to comp them to, and whether Backstory's own billing files will be restored.
 */
@Component
class ArchiveChecks {

	private final ArticleEditor editor;

	private final PlanCatalog plans;

	private final MemberBillingQueries billing;

	private final Clock clock;

	private final ArchiveRestore restore;

	private final BillingRestorer billingRestore;

	ArchiveChecks(ArticleEditor editor, PlanCatalog plans, MemberBillingQueries billing, ArchiveRestore restore,
			BillingRestorer billingRestore, Clock clock) {
		this.editor = editor;
		this.billingRestore = billingRestore;
		this.restore = restore;
		this.plans = plans;
		this.billing = billing;
		this.clock = clock;
	}

	ArchivePlan check(String fileName, byte[] bytes) {
		Set<String> tiers = plans.activePlans().stream().map(Plan::tier).collect(Collectors.toSet());
		ArchivePlan plan = ArchiveReader.read(fileName, bytes, tiers, clock.instant());
		List<ImportProblem> problems = new ArrayList<>(plan.problems());
		for (PlannedPost post : plan.posts()) {
			editor.problems(new ArticleDraft(null, post.slug(), post.title(), post.dek(), post.body(), List.of("author"),
					List.of(), null, null, post.coverImageUrl(), post.visibility(), post.seo()))
				.forEach(problem -> problems.add(ImportProblem.blocking(post.where(), problem)));
		}
		if (plan.subscribers().stream().anyMatch(PlannedSubscriber::paid) && billing.defaultCompTier() == null) {
			problems.add(ImportProblem.blocking("the subscriber list",
					"Some subscribers paid, but no plan offers a tier to comp them to: create a plan first."));
		}
		if (plan.posts().isEmpty() && plan.subscribers().isEmpty() && problems.stream().noneMatch(ImportProblem::blocking)) {
			problems.add(ImportProblem.blocking(fileName, "The archive has no posts and no subscribers to import."));
		}
		if (plan.restore() != null) {
			problems.add(ImportProblem.notice("db[0].backstory", restore.empty()
					? "Backstory's own export into an empty publication: articles, authors, tags and storylines keep their ids and times; the publication's settings, plans and newsletters are restored."
					: "This publication already has articles, authors, tags or storylines: imported with new ids and times; the publication's settings, plans and newsletters are not restored."));
			problems.addAll(billingRestore.check(plan.restore()));
		}
		return new ArchivePlan(plan.source(), plan.posts(), plan.subscribers(), problems, plan.restore());
	}

}
