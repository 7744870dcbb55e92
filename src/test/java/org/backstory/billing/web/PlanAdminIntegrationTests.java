package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.shared.StaffActed;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Plans and prices at {@code /admin/settings/plans}: the owner's page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class PlanAdminIntegrationTests {

	private static final String PATH = "/admin/settings/plans";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanAdministration administration;

	@Autowired
	ApplicationEvents events;

	private Plan plan;

	@BeforeEach
	void newPlan() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void theOwnerChangesAPriceAndTheSubscribePageShowsItAtOnce() {
		Visitor owner = staff(MemberRole.OWNER);
		assertThat(offer(new Visitor(port).get("/subscribe")).text()).contains("$5.00 a month", "$50.00 a year");

		Visitor.Page saved = owner.submit(PATH, pricesAction(), Map.of("monthlyPrice", "6.50", "yearlyPrice", "65"));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(owner.get(PATH).document().select("#plan-" + plan.code() + " .prices").text())
			.contains("$6.50 a month", "$65.00 a year");
		assertThat(offer(new Visitor(port).get("/subscribe")).select("a").eachText()).containsExactly("$6.50 a month",
				"$65.00 a year");
		assertThat(catalog.activePlan(plan.code()).orElseThrow().monthlyPrice()).isEqualTo(650);
	}

	@Test
	void aPriceChangeIsAuditedWithTheOldAndNewPrice() {
		administration.changePrices(plan.code(), 700, 7000, 42);

		assertThat(events.stream(StaffActed.class)).singleElement().satisfies(acted -> {
			assertThat(acted.action()).isEqualTo("plan.price-changed");
			assertThat(acted.subject()).isEqualTo(plan.code());
			assertThat(acted.detail()).isEqualTo("monthly $5.00 → $7.00, yearly $50.00 → $70.00");
		});
	}

	@Test
	void aNegativeOrMalformedPriceIsRefusedWith422AndNothingChanges() {
		Visitor owner = staff(MemberRole.OWNER);

		Visitor.Page negative = owner.submit(PATH, pricesAction(), Map.of("monthlyPrice", "-1", "yearlyPrice", "60"));
		Visitor.Page malformed = owner.submit(PATH, pricesAction(), Map.of("monthlyPrice", "6", "yearlyPrice", "lots"));

		assertThat(negative.status()).isEqualTo(422);
		assertThat(negative.document().select("#plan-" + plan.code() + " .error").text())
			.isEqualTo("The price must be above zero.");
		assertThat(negative.document().select("#plan-" + plan.code() + " input[name=monthlyPrice]").val())
			.isEqualTo("-1");
		assertThat(malformed.status()).isEqualTo(422);
		assertThat(malformed.document().select("#plan-" + plan.code() + " .error").text())
			.isEqualTo("Enter a price such as 6.50.");
		Plan stored = catalog.activePlan(plan.code()).orElseThrow();
		assertThat(stored.monthlyPrice()).isEqualTo(500);
		assertThat(stored.yearlyPrice()).isEqualTo(5000);
	}

	@Test
	void theOwnerCreatesAPlanThatTheSubscribePageOffers() {
		Visitor owner = staff(MemberRole.OWNER);
		String code = BillingFixtures.newPlan().code();

		Visitor.Page created = owner.submit(PATH, PATH,
				Map.of("code", code, "name", "Patron " + code, "tier", "paid", "description", "For patrons", "currency",
						"EUR", "monthlyPrice", "12", "yearlyPrice", "120", "trialDays", "0", "displayOrder", "1001"));

		assertThat(created.status()).isEqualTo(303);
		Element offer = new Visitor(port).get("/subscribe")
			.document()
			.select("li.plan")
			.stream()
			.filter(li -> li.select("h2").text().equals("Patron " + code))
			.findFirst()
			.orElseThrow();
		assertThat(offer.select("a").eachText()).containsExactly("€12.00 a month", "€120.00 a year");
	}

	@Test
	void aNewPlanWithATakenCodeOrBadCurrencyIsRefusedWith422() {
		Visitor owner = staff(MemberRole.OWNER);

		Visitor.Page taken = owner.submit(PATH, PATH, Map.of("code", plan.code(), "name", "Again", "tier", "paid",
				"currency", "USD", "monthlyPrice", "1", "yearlyPrice", "10", "trialDays", "0", "displayOrder", "0"));
		Visitor.Page currency = owner.submit(PATH, PATH,
				Map.of("code", "x-" + plan.code(), "name", "Again", "tier", "paid", "currency", "ZZZ", "monthlyPrice",
						"1", "yearlyPrice", "10", "trialDays", "0", "displayOrder", "0"));

		assertThat(taken.status()).isEqualTo(422);
		assertThat(taken.document().select(".plan-new .error").text())
			.isEqualTo("A plan with this code already exists.");
		assertThat(currency.status()).isEqualTo(422);
		assertThat(currency.document().select(".plan-new .error").text())
			.isEqualTo("Enter a currency code such as USD.");
		assertThat(catalog.activePlan("x-" + plan.code())).isEmpty();
	}

	@Test
	void anArchivedPlanLeavesTheSubscribePage() {
		Visitor owner = staff(MemberRole.OWNER);

		Visitor.Page archived = owner.submit(PATH, PATH + "/" + plan.code() + "/archive", Map.of());

		assertThat(archived.status()).isEqualTo(303);
		assertThat(new Visitor(port).get("/subscribe").document().select("li.plan a[href*=" + plan.code() + "]"))
			.isEmpty();
		assertThat(owner.get(PATH).document().select("#plan-" + plan.code()).text()).contains("archived");
	}

	@Test
	void onlyTheOwnerMayOpenOrChangePlans() {
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);

		assertThat(staff(MemberRole.OWNER).get(PATH).status()).isEqualTo(200);
		assertThat(administrator.get(PATH).status()).isEqualTo(403);
		assertThat(administrator.post(pricesAction(), Map.of("monthlyPrice", "1", "yearlyPrice", "1")).status())
			.isEqualTo(403);
		Visitor.Page anonymous = new Visitor(port).get(PATH);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).contains("/login");
		assertThat(catalog.activePlan(plan.code()).orElseThrow().monthlyPrice()).isEqualTo(500);
	}

	@Test
	void anUnknownPlanIs404() {
		Visitor owner = staff(MemberRole.OWNER);
		Element csrf = owner.get(PATH).document().selectFirst("input[type=hidden]");

		Visitor.Page unknown = owner.post(PATH + "/no-such-plan/prices",
				Map.of(csrf.attr("name"), csrf.val(), "monthlyPrice", "1", "yearlyPrice", "1"));

		assertThat(unknown.status()).isEqualTo(404);
	}

	private String pricesAction() {
		return PATH + "/" + plan.code() + "/prices";
	}

	private Element offer(Visitor.Page page) {
		return page.document()
			.select("li.plan")
			.stream()
			.filter(li -> li.select("a").attr("href").contains(plan.code()))
			.findFirst()
			.orElseThrow();
	}

	private Visitor staff(MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
