package org.backstory.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanCatalogIntegrationTests {

	@Autowired
	PlanCatalog catalog;

	@Test
	void aCreatedPlanIsOfferedWithItsPrices() {
		NewPlan plan = BillingFixtures.newPlan();

		Plan created = catalog.createPlan(plan);

		assertThat(created)
			.isEqualTo(new Plan(plan.code(), "Test supporter", "paid", "For tests", "USD", 500, 5000, 0, true, 1000));
		assertThat(catalog.activePlans()).contains(created);
		assertThat(catalog.activePlan(plan.code())).contains(created);
		assertThat(created.price(BillingInterval.MONTH)).isEqualTo(500);
		assertThat(created.price(BillingInterval.YEAR)).isEqualTo(5000);
	}

	@Test
	void creatingTheSamePlanAgainReturnsIt() {
		NewPlan plan = BillingFixtures.newPlan();

		assertThat(catalog.createPlan(plan)).isEqualTo(catalog.createPlan(plan));
	}

	@Test
	void reusingACodeForDifferentDetailsIsAClearError() {
		NewPlan plan = BillingFixtures.newPlan();
		catalog.createPlan(plan);

		assertThatIllegalStateException()
			.isThrownBy(() -> catalog.createPlan(new NewPlan(plan.code(), "Other", "paid", "", "USD", 900, 9000, 1)))
			.withMessageContaining(plan.code())
			.withMessageContaining("different details");
	}

	@Test
	void activePlansComeInDisplayOrder() {
		NewPlan later = BillingFixtures.newPlan(1002);
		NewPlan first = BillingFixtures.newPlan(1001);
		catalog.createPlan(later);
		catalog.createPlan(first);

		assertThat(catalog.activePlans()).extracting(Plan::code).containsSubsequence(first.code(), later.code());
	}

	@Test
	void planValuesAreCheckedBeforeTheyReachTheDatabase() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NewPlan("Bad Code", "x", "paid", "", "USD", 1, 1, 0))
			.withMessageContaining("plan code");
		assertThatIllegalArgumentException().isThrownBy(() -> new NewPlan("ok", "x", "paid", "", "XYZ", 1, 1, 0))
			.withMessageContaining("currency");
		assertThatIllegalArgumentException().isThrownBy(() -> new NewPlan("ok", "x", "paid", "", "USD", 0, 1, 0))
			.withMessageContaining("prices");
		assertThatIllegalArgumentException().isThrownBy(() -> new NewPlan("ok", " ", "paid", "", "USD", 1, 1, 0))
			.withMessageContaining("name");
	}

}
