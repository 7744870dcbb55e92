package org.backstory.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SettableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The dashboard's charts and tables against what the test does. Other classes share the
 * database, so the figures are compared before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class DashboardIntegrationTests {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	SubscriptionChanges subscriptions;

	@Autowired
	SettableClock clock;

	@Autowired
	PublicationService publications;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void theTablesCountTheMembersSubscriptionsRevenueAndTrialsOfEachDay() {
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		Plan trialPlan = catalog.createPlan(BillingFixtures.newTrialPlan(14));
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Document before = administrator.get("/admin/dashboard").document();

		clock.advance(Duration.ofDays(-10));
		BillingFixtures.subscribedMember(directory, checkouts, plan, BillingInterval.MONTH, SandboxCards.SUCCEEDS);
		SignedInMember trialist = BillingFixtures.registeredMember(directory);
		assertThat(checkouts.checkout(new Checkout(trialist.id(), trialist.email(), trialPlan.code(),
				BillingInterval.MONTH, UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS))))
			.isInstanceOf(CheckoutOutcome.TrialStarted.class);
		clock.advance(Duration.ofDays(5));
		SignedInMember canceling = BillingFixtures.subscribedMember(directory, checkouts, plan, BillingInterval.YEAR,
				SandboxCards.SUCCEEDS);
		subscriptions.cancel(canceling.id());
		clock.reset();
		MemberFixtures.reader(directory, "today");
		Document after = administrator.get("/admin/dashboard").document();

		Map<String, List<Long>> members = change(before, after, "members");
		assertThat(members.get(day(today.minusDays(11)))).containsExactly(0L, 0L, 0L);
		assertThat(members.get(day(today.minusDays(10)))).as("members, free, paid").containsExactly(2L, 1L, 1L);
		assertThat(members.get(day(today.minusDays(5)))).containsExactly(3L, 1L, 2L);
		assertThat(members.get(day(today))).containsExactly(4L, 2L, 2L);
		Map<String, List<Long>> mrr = change(before, after, "mrr");
		assertThat(mrr.get(day(today.minusDays(10)))).as("cents").containsExactly(500L);
		assertThat(mrr.get(day(today.minusDays(5)))).as("$5 plus $50 a year").containsExactly(917L);
		Map<String, List<Long>> subscriptionsPerDay = change(before, after, "subscriptions");
		assertThat(subscriptionsPerDay.get(day(today.minusDays(10)))).containsExactly(1L, 0L);
		assertThat(subscriptionsPerDay.get(day(today.minusDays(5)))).containsExactly(1L, 1L);
		assertThat(change(before, after, "trials").get(day(today.minusDays(10)))).containsExactly(1L, 0L, 0L);
	}

	@Test
	void eachChartIsAnAccessibleSvgInTheAccentColourWithItsTable() {
		Document page = staff(MemberRole.ADMINISTRATOR).get("/admin/dashboard").document();

		assertThat(page.select(".dashboard-panel")).hasSize(4);
		for (Element panel : page.select(".dashboard-panel")) {
			Element svg = panel.selectFirst("svg");
			assertThat(svg.attr("role")).isEqualTo("img");
			assertThat(svg.selectFirst("title").text()).isEqualTo(panel.selectFirst("h2").text());
			assertThat(svg.attr("aria-labelledby")).contains(svg.selectFirst("title").id());
			assertThat(panel.select("details table tbody tr")).hasSize(90);
		}
		assertThat(page.select("#panel-members svg polyline").eachAttr("stroke"))
			.contains(publications.publication().accentColor());
		assertThat(page.select("#panel-subscriptions svg rect")).hasSize(180);
		assertThat(page.select(".dashboard-notes").text()).contains("deleted their accounts");
	}

	@Test
	void theYearIsShownWeekByWeek() {
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);

		Document page = administrator.get("/admin/dashboard?range=12m").document();

		assertThat(page.select("#panel-members details table tbody tr").size()).isBetween(53, 54);
		assertThat(page.select("#panel-members thead th").first().text()).isEqualTo("Week starting");
		assertThat(administrator.get("/admin/dashboard?range=forever").document().select("#panel-members tbody tr"))
			.as("an unknown range shows the default one")
			.hasSize(90);
	}

	@Test
	void administratorsAndAboveSeeTheDashboardAndEditorsDoNot() {
		assertThat(staff(MemberRole.ADMINISTRATOR).get("/admin/dashboard").status()).isEqualTo(200);
		assertThat(staff(MemberRole.OWNER).get("/admin/dashboard").status()).isEqualTo(200);
		assertThat(staff(MemberRole.EDITOR).get("/admin/dashboard").status()).isEqualTo(403);
		Visitor.Page anonymous = new Visitor(port).get("/admin/dashboard");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).contains("/login");
		assertThat(staff(MemberRole.ADMINISTRATOR).get("/admin")
			.document()
			.select("ul.admin-links a[href=/admin/dashboard]")).hasSize(1);
	}

	/**
	 * Per day (its table's row heading), how much each column grew between two renderings
	 * of the page.
	 */
	private static Map<String, List<Long>> change(Document before, Document after, String panel) {
		Map<String, List<Long>> earlier = table(before, panel);
		Map<String, List<Long>> changes = new HashMap<>();
		table(after, panel).forEach((day, values) -> {
			List<Long> old = earlier.getOrDefault(day, values.stream().map(value -> 0L).toList());
			changes.put(day, IntStream.range(0, values.size()).mapToObj(i -> values.get(i) - old.get(i)).toList());
		});
		return changes;
	}

	private static Map<String, List<Long>> table(Document page, String panel) {
		Map<String, List<Long>> rows = new HashMap<>();
		for (Element row : page.select("#panel-" + panel + " tbody tr")) {
			rows.put(row.selectFirst("th").text(),
					row.select("td")
						.eachText()
						.stream()
						.map(text -> Long.parseLong(text.replaceAll("[^0-9-]", "")))
						.toList());
		}
		return rows;
	}

	private static String day(LocalDate day) {
		return DAY.format(day);
	}

	private Visitor staff(MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
