package org.backstory.billing.web;

import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.GroupTerms;
import org.backstory.billing.NewPlan;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.SandboxCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Upgrade button of a paywall box for another plan's article goes straight to the
 * plan change, with the plan that opens the article chosen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpgradeLinkIntegrationTests extends TwoPlansTestSupport {

	@Autowired
	PlanAdministration administration;

	@Test
	void theUpgradeLinkOpensTheChangeToTheCheapestPlanOfTheArticlesTierAtTheMembersInterval() {
		String tier = "tier-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		Plan dearer = catalog.createPlan(plan(tier, 2000));
		Plan cheaper = catalog.createPlan(plan(tier, 1500));
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);

		Visitor.Page upgrade = reader.visitor().get("/account/plan/upgrade?tier=no-such-tier&tier=" + tier);

		assertThat(upgrade.status()).isEqualTo(303);
		assertThat(upgrade.header("Location")).endsWith("/account/plan/" + cheaper.code() + "/month");
		Visitor.Page confirmation = reader.visitor().follow("/account/plan/upgrade?tier=" + tier);
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.document().text()).contains(cheaper.name()).doesNotContain(dearer.name());
	}

	@Test
	void theUpgradeLinkPassesOverACheaperGroupPlanOfTheTier() {
		String tier = "tier-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		Plan single = catalog.createPlan(plan(tier, 2000));
		Plan group = catalog.createPlan(plan(tier, 1500));
		administration.changeGroupTerms(group.code(), new GroupTerms(3, 400, 4000), BillingFixtures.newMemberId());
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);

		Visitor.Page upgrade = reader.visitor().get("/account/plan/upgrade?tier=" + tier);

		assertThat(upgrade.status()).isEqualTo(303);
		assertThat(upgrade.header("Location")).endsWith("/account/plan/" + single.code() + "/month");
	}

	@Test
	void withNoPlanOfTheArticlesTierTheLinkShowsThePlansToChooseFrom() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);

		Visitor.Page upgrade = reader.visitor().get("/account/plan/upgrade?tier=no-such-tier");

		assertThat(upgrade.status()).isEqualTo(303);
		assertThat(upgrade.header("Location")).endsWith("/account/plan");
	}

	private static NewPlan plan(String tier, long monthlyPrice) {
		return new NewPlan("u-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36),
				"Upgrade " + monthlyPrice, tier, "For tests", "USD", monthlyPrice, monthlyPrice * 10, 1002);
	}

}
