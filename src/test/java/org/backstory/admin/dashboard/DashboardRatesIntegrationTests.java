package org.backstory.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.renewal.RenewalRun;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.SettableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The dashboard's rates on a history built through billing's own services with the clock
 * moved back to 2004, long before the demo's year and anything other tests write, so the
 * figures of the range are exactly this test's. Everything it leaves running is ended
 * before the clock comes back, so no renewal is left due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class DashboardRatesIntegrationTests {

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
	RenewalRun renewals;

	@Autowired
	ArticleCatalog articles;

	@Autowired
	SettableClock clock;

	private Visitor administrator;

	private long administratorId;

	@BeforeEach
	void signIn() {
		String email = MemberFixtures.account(directory, "rates", MemberRole.ADMINISTRATOR);
		administratorId = directory.findByEmail(email).orElseThrow().id();
		administrator = new Visitor(port);
		administrator.signIn(email, MemberFixtures.PASSWORD);
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void eachRateIsComputedFromItsDefinition() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		Plan trialPlan = catalog.createPlan(BillingFixtures.newTrialPlan(14));
		List<ArticleSummary> latest = articles.latest(2, 0);
		long articleA = latest.get(0).id();
		long articleB = latest.get(1).id();
		List<Long> running = new ArrayList<>();
		Document page;
		try {
			at("2004-03-10T10:00:00Z");
			List<Long> before = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				before.add(paid(plan, null));
			}
			at("2004-03-20T10:00:00Z");
			long n1 = paid(plan, articleA);
			BillingFixtures.registeredMember(directory);
			long n3 = trial(trialPlan, articleB);
			long n4 = trial(trialPlan, articleB);
			at("2004-03-25T10:00:00Z");
			subscriptions.cancelNow(administratorId, n4, false);
			at("2004-04-04T10:00:00Z");
			renewals.runDue();
			at("2004-04-15T10:00:00Z");
			subscriptions.cancelNow(administratorId, before.get(0), false);
			at("2004-05-05T10:00:00Z");
			subscriptions.cancelNow(administratorId, before.get(1), false);
			at("2004-06-01T10:00:00Z");
			long n5 = paid(plan, articleA);
			running.addAll(List.of(before.get(2), before.get(3), n1, n3, n5));

			at("2004-06-15T12:00:00Z");
			page = administrator.get("/admin/dashboard").document();
		}
		finally {
			at("2004-06-16T10:00:00Z");
			running.forEach(member -> subscriptions.cancelNow(administratorId, member, false));
			clock.reset();
		}

		assertThat(page.select("#rates-heading").text()).isEqualTo("Rates, last 90 days");
		assertThat(value(page, "churn")).as("April: 1 of 5, May: 1 of 5").isEqualTo("20.0%");
		assertThat(page.select("#rate-churn .rate-detail").text())
			.isEqualTo("2 ended of 10 live at the start of 2 full months");
		assertThat(value(page, "free-to-paid")).as("3 of the 5 who signed up from 18 March").isEqualTo("60.0%");
		assertThat(page.select("#rate-free-to-paid .rate-detail").text()).isEqualTo("3 of 5 new members became paid");
		assertThat(value(page, "trials")).as("one converted, one canceled").isEqualTo("50.0%");
		assertThat(page.select(".trial-rate").text()).isEqualTo("50.0%");
		assertThat(value(page, "mrr-growth")).as("$20 to $25 a month").isEqualTo("+25.0%");
		assertThat(page.select("#rate-mrr-growth .rate-detail").text()).isEqualTo("$20.00 → $25.00 a month");
		assertThat(page.select("#revenue-per-article tbody tr").eachText())
			.containsExactly(latest.get(0).title() + " 2 $10.00", latest.get(1).title() + " 2 $5.00");
	}

	@Test
	void eachRateCarriesItsDefinitionForMouseKeyboardAndScreenReader() {
		Document page = administrator.get("/admin/dashboard").document();

		assertThat(page.select(".dashboard-rates .rate")).hasSize(4);
		for (var rate : page.select(".dashboard-rates .rate")) {
			String definition = rate.selectFirst("details.definition p").text();
			assertThat(rate.selectFirst("dt").attr("title")).isEqualTo(definition);
			assertThat(rate.selectFirst(".rate-value").attr("aria-describedby"))
				.isEqualTo(rate.selectFirst("details.definition p").id());
			assertThat(rate.select("details.definition summary [aria-hidden=true]").text()).isEqualTo("?");
			assertThat(rate.select("details.definition summary .visually-hidden").text())
				.isEqualTo("How " + rate.selectFirst("dt").text() + " is computed");
		}
		assertThat(page.select("#rate-churn details p").text()).startsWith(
				"Paid subscriptions that ended in the month ÷ paid subscriptions live at the start of the month.");
		assertThat(page.select("#rate-free-to-paid details p").text())
			.isEqualTo("Members who signed up in the range and started a paid subscription (or a trial that "
					+ "converted) within it ÷ members who signed up in the range.");
		assertThat(page.select("#rate-trials details p").text())
			.isEqualTo("Trials that ended in the range and became paid ÷ trials that ended in the range.");
		assertThat(page.select("#rate-mrr-growth details p").text())
			.isEqualTo("(MRR at end − MRR at start) ÷ MRR at start over the chosen range.");
		assertThat(page.select("#revenue-per-article details p").text())
			.startsWith("For each article, the subscriptions attributed to it");
	}

	@Test
	void aRangeWithNothingInItShowsADashForEveryRate() {
		at("1990-06-15T12:00:00Z");
		for (String range : List.of("90d", "12m")) {
			Document page = administrator.get("/admin/dashboard?range=" + range).document();

			for (String rate : List.of("churn", "free-to-paid", "trials", "mrr-growth")) {
				assertThat(value(page, rate)).as(range + " " + rate).isEqualTo("—");
			}
			assertThat(page.select(".trial-rate").text()).isEqualTo("—");
			assertThat(page.select("#revenue-per-article").text()).contains("None in this range yet.");
		}
	}

	@Test
	void anUnknownRangeShowsTheDefaultOne() {
		for (String range : List.of("forever", "", "12M", "all")) {
			Visitor.Page answer = administrator.get("/admin/dashboard?range=" + range);

			assertThat(answer.status()).as(range).isEqualTo(200);
			assertThat(answer.document().select(".dashboard-range [aria-current=page]").text())
				.isEqualTo("Last 90 days (daily)");
			assertThat(answer.document().select("#panel-members details table tbody tr")).hasSize(90);
		}
	}

	private static String value(Document page, String rate) {
		return page.select("#rate-" + rate + " .rate-value").text();
	}

	private long paid(Plan plan, Long articleId) {
		SignedInMember member = BillingFixtures.registeredMember(directory);
		assertThat(checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS), null, articleId)))
			.isInstanceOf(CheckoutOutcome.Subscribed.class);
		return member.id();
	}

	private long trial(Plan plan, long articleId) {
		SignedInMember member = BillingFixtures.registeredMember(directory);
		assertThat(checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS), null, articleId)))
			.isInstanceOf(CheckoutOutcome.TrialStarted.class);
		return member.id();
	}

	/** Moves the clock to {@code instant}. */
	private void at(String instant) {
		clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
	}

}
