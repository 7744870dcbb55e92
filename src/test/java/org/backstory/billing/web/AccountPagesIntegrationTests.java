package org.backstory.billing.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The account page, changing plan, cancelling and resuming, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountPagesIntegrationTests extends TwoPlansTestSupport {

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSubscriberSeesTheirPlanNextChargeCardAndWhatTheyCanDo() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);
		SubscriptionSummary subscription = subscription();

		Document page = reader.visitor().get("/account").document();

		assertThat(page.select(".account-plan dd").eachText()).containsExactly(supporter.name(), "$5.00 / month",
				"Active");
		assertThat(page.select(".account-when").text())
			.isEqualTo("Next charge on " + DATE.format(subscription.currentPeriodEnd()));
		assertThat(page.select(".account-next-charge").text()).isEqualTo("Next charge: $5.00");
		assertThat(page.select(".card-on-file").text()).startsWith("Visa ending in 4242, expires ");
		assertThat(page.select(".account-actions a").eachAttr("href")).containsExactly("/account/plan",
				"/account/cancel");
		assertThat(page.select("form[action=/account/resume]")).isEmpty();
		assertThat(page.select(".account-billing a").attr("href")).isEqualTo("/account/billing");
	}

	@Test
	void cancellingAsksFirstThenKeepsAccessUntilThePeriodEndsAndCanBeTakenBack() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);
		String ends = DATE.format(subscription().currentPeriodEnd());
		Document confirmation = reader.visitor().get("/account/cancel").document();
		assertThat(confirmation.select(".account-cancel p").first().text()).contains("You keep access until " + ends);

		Visitor.Page canceled = reader.visitor().submit("/account/cancel", "/account/cancel", Map.of());

		assertThat(canceled.status()).isEqualTo(303);
		Document account = reader.visitor().follow("/account").document();
		assertThat(account.select(".notice").text()).contains("You have access until " + ends);
		assertThat(account.select(".account-plan dd").eachText()).contains("Canceled");
		assertThat(account.select(".account-when").text()).isEqualTo("Ends on " + ends);
		assertThat(account.select(".account-next-charge")).isEmpty();
		assertThat(subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);

		Visitor.Page resumed = reader.visitor().submit("/account", "/account/resume", Map.of());

		assertThat(resumed.status()).isEqualTo(303);
		assertThat(reader.visitor().get("/account").document().select(".notice").text())
			.isEqualTo("Your subscription continues: it renews on " + ends + ".");
		assertThat(subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
	}

	@Test
	void cancellingTwiceSaysItIsAlreadyCanceledAndChangesNothing() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);
		Map<String, String> form = hiddenFields("/account/cancel", "/account/cancel");
		assertThat(reader.visitor().post("/account/cancel", form).status()).isEqualTo(303);
		String rowBefore = subscriptionRow();
		long eventsBefore = events();

		Visitor.Page again = reader.visitor().post("/account/cancel", form);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.document().select(".error").text()).isEqualTo("Your subscription is already canceled.");
		assertThat(again.document().select("form[action=/account/cancel]")).isEmpty();
		assertThat(subscriptionRow()).isEqualTo(rowBefore);
		assertThat(events()).isEqualTo(eventsBefore);
		assertThat(reader.visitor().get("/account/cancel").document().select(".account-cancel-info").text())
			.startsWith("Your subscription is canceled. It ends on ");
	}

	@Test
	void resumingWhatIsNotCanceledSaysSoAndChangesNothing() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);
		String rowBefore = subscriptionRow();

		Visitor.Page answer = reader.visitor()
			.post("/account/resume", hiddenFields("/account/cancel", "/account/cancel"));

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.document().select(".account > .error").text())
			.isEqualTo("Your subscription is not canceled.");
		assertThat(answer.document().select(".account-plan dd").eachText()).contains("Active");
		assertThat(subscriptionRow()).isEqualTo(rowBefore);
	}

	@Test
	void aFreeMemberHasNothingToCancelOrChange() {
		assertThat(reader.visitor().get("/account/cancel").document().select(".account-cancel-info").text())
			.isEqualTo("You have no subscription to cancel.");
		Visitor.Page plans = reader.visitor().get("/account/plan");
		assertThat(plans.status()).isEqualTo(409);
		assertThat(plans.document().select(".error").text()).isEqualTo("You don't have a subscription.");
	}

	@Test
	void changingPlanShowsWhatIsDueBeforeConfirmingAndChargesOnceForADoubleSubmit() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);

		Document choices = reader.visitor().get("/account/plan").document();

		assertThat(choices.select(".change-plan-current").text())
			.isEqualTo("You're on " + supporter.name() + ", $5.00 / month.");
		String confirmPath = "/account/plan/" + patron.code() + "/month";
		assertThat(choices.select(".plan-choice a").eachAttr("href"))
			.contains("/account/plan/" + supporter.code() + "/year", confirmPath,
					"/account/plan/" + patron.code() + "/year")
			.doesNotContain("/account/plan/" + supporter.code() + "/month");
		Element patronMonthly = choices.selectFirst(".plan-choice:has(a[href=" + confirmPath + "])");
		assertThat(patronMonthly.select("h2").text()).isEqualTo(patron.name() + ", monthly");
		assertThat(patronMonthly.select(".plan-choice-summary").text()).matches(
				"\\$[0-9.]+ now \\(after \\$[0-9.]+ credit for what's left of your current plan\\), then \\$10\\.00 / month from .*");

		Document confirmation = reader.visitor().get(confirmPath).document();
		String due = confirmation.select(".change-plan-due").text();
		assertThat(due).matches("\\$[0-9]+\\.[0-9]{2}");
		assertThat(confirmation.select("main form button").text()).isEqualTo("Confirm and pay " + due);
		Map<String, String> form = hiddenFields(confirmPath, confirmPath);

		Visitor.Page first = reader.visitor().post(confirmPath, form);
		Visitor.Page second = reader.visitor().post(confirmPath, form);

		assertThat(first.status()).isEqualTo(303);
		assertThat(second.status()).isEqualTo(303);
		assertThat(reader.visitor().get("/account").document().select(".notice").text())
			.isEqualTo("You're now on " + patron.name() + ", monthly. We charged " + due + ".");
		assertThat(subscription().planCode()).isEqualTo(patron.code());
		assertThat(jdbc.sql("select count(*) from billing.payment where member_id = :m and purpose = 'plan_change'")
			.param("m", reader.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select amount from billing.payment where member_id = :m and purpose = 'plan_change'")
			.param("m", reader.id())
			.query(Long.class)
			.single()).isEqualTo(Long.parseLong(due.replaceAll("[$.]", "")));
	}

	@Test
	void aDeclinedUpgradeShowsTheDeclineAndLeavesThePlanAsItWas() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.FIRST_CHARGE_ONLY);
		String confirmPath = "/account/plan/" + patron.code() + "/year";

		Visitor.Page declined = reader.visitor().submit(confirmPath, confirmPath, Map.of());

		assertThat(declined.status()).isEqualTo(402);
		assertThat(declined.document().select(".error").text()).endsWith("Your plan has not changed.");
		assertThat(declined.document().select("form[action=" + confirmPath + "]")).as("they may try again").hasSize(1);
		assertThat(subscription().planCode()).isEqualTo(supporter.code());
		assertThat(subscription().interval()).isEqualTo(BillingInterval.MONTH);
	}

	@Test
	void aDowngradeCostsNothingNowAndTheCreditShowsOnTheAccountPage() {
		Readers.subscribe(checkouts, reader.member(), patron, SandboxCards.SUCCEEDS);
		String confirmPath = "/account/plan/" + supporter.code() + "/month";
		assertThat(reader.visitor().get(confirmPath).document().select(".change-plan-due").text()).isEqualTo("$0.00");

		assertThat(reader.visitor().submit(confirmPath, confirmPath, Map.of()).status()).isEqualTo(303);

		Document account = reader.visitor().get("/account").document();
		assertThat(account.select(".notice").text()).startsWith("You're now on " + supporter.name() + ", monthly. $")
			.endsWith(" credit goes toward your next charges.");
		assertThat(account.select(".account-credit").text()).startsWith("Your credit: $");
		assertThat(account.select(".account-next-charge").text())
			.matches("Next charge: \\$[0-9.]+ \\(\\$5\\.00 less \\$[0-9.]+ credit\\)");
	}

	@Test
	void aPastDueMemberIsAskedToUpdateTheirCardBeforeChangingPlan() {
		Instant failed = Instant.now().minus(Duration.ofDays(2));
		subscriptions.importSubscription(new ImportedSubscription(reader.id(), supporter.code(), BillingInterval.MONTH,
				SubscriptionStatus.PAST_DUE, failed.minus(Duration.ofDays(30)), failed, failed,
				SandboxCards.VISA_CHARGES_FAIL));

		Document account = reader.visitor().get("/account").document();
		assertThat(account.select(".account-plan .error a").attr("href")).isEqualTo("/account/card");
		assertThat(account.select(".account-actions a").eachAttr("href")).containsExactly("/account/cancel");

		Visitor.Page plans = reader.visitor().get("/account/plan");
		assertThat(plans.status()).isEqualTo(409);
		assertThat(plans.document().select(".error").text())
			.isEqualTo("Update your card on file before changing your plan.");
	}

	@Test
	void unknownPlansAndIntervalsAreNotFound() {
		Readers.subscribe(checkouts, reader.member(), supporter, SandboxCards.SUCCEEDS);

		assertThat(reader.visitor().get("/account/plan/no-such-plan/month").status()).isEqualTo(404);
		assertThat(reader.visitor().get("/account/plan/" + patron.code() + "/week").status()).isEqualTo(404);
	}

	@Test
	void anonymousReadersAreSentToLogIn() {
		Visitor anonymous = new Visitor(port);

		for (String path : List.of("/account/plan", "/account/cancel", "/account/billing", "/account/payments/1")) {
			Visitor.Page page = anonymous.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.header("Location")).as(path).contains("/login?next=");
		}
	}

	private Map<String, String> hiddenFields(String formPath, String action) {
		Element form = reader.visitor()
			.get(formPath)
			.document()
			.selectFirst("form[action=" + action + "]:not([method=get])");
		assertThat(form).as("form %s on %s", action, formPath).isNotNull();
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return fields;
	}

	private SubscriptionSummary subscription() {
		return subscriptions.currentSubscription(reader.id()).orElseThrow();
	}

	private String subscriptionRow() {
		return jdbc.sql("select s::text from billing.subscription s where member_id = :m")
			.param("m", reader.id())
			.query(String.class)
			.single();
	}

	private long events() {
		return jdbc
			.sql("""
					select count(*) from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
					where s.member_id = :m
					""")
			.param("m", reader.id())
			.query(Long.class)
			.single();
	}

}
