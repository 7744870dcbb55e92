package org.backstory.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Free trials: a first checkout of a plan with trial days takes the card and charges
 * nothing until the trial ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrialCheckoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	Entitlements entitlements;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private Plan plan;

	private long member;

	@BeforeEach
	void trialPlanAndMember() {
		plan = catalog.createPlan(BillingFixtures.newTrialPlan(14));
		member = BillingFixtures.newMemberId();
	}

	@Test
	void aFirstCheckoutOfATrialPlanTakesTheCardAndChargesNothing() {
		Instant before = clock.instant();

		CheckoutOutcome outcome = checkouts.checkout(checkout(SandboxCards.SUCCEEDS));

		assertThat(outcome).isInstanceOf(CheckoutOutcome.TrialStarted.class);
		Instant trialEnd = ((CheckoutOutcome.TrialStarted) outcome).trialEnd();
		assertThat(trialEnd).isBetween(before.plus(Duration.ofDays(14)), clock.instant().plus(Duration.ofDays(14)));
		assertThat(jdbc.sql("""
				select status, trial_end = due_at and due_at = current_period_end, renews from billing.subscription
				where member_id = :m
				""")
			.param("m", member)
			.query((rs, row) -> rs.getString(1) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3))
			.single()).isEqualTo("trialing true true");
		assertThat(jdbc.sql("select trial_end from billing.subscription where member_id = :m")
			.param("m", member)
			.query(Instant.class)
			.single()).isCloseTo(trialEnd, within(1, ChronoUnit.MICROS));
		assertThat(rows("billing.card")).isEqualTo(1);
		assertThat(rows("billing.payment")).isZero();
		assertThat(sandboxCharges()).isZero();
		assertThat(events()).containsExactly("null>incomplete checkout_started", "incomplete>trialing trial_started");
		assertThat(entitlements.of(member))
			.isEqualTo(new Entitlement(Entitlement.Status.TRIALING, "paid", trialEnd, null));
	}

	@Test
	void aMemberGetsOneTrialOnlyAndIsChargedAtOnceTheNextTime() {
		checkouts.checkout(checkout(SandboxCards.SUCCEEDS));
		jdbc.sql("update billing.subscription set status = 'expired', due_at = null where member_id = :m")
			.param("m", member)
			.update();

		assertThat(checkouts.quote(member, plan.code(), BillingInterval.MONTH, null).orElseThrow().trialEnd()).isNull();
		CheckoutOutcome again = checkouts.checkout(checkout(SandboxCards.SUCCEEDS));

		assertThat(again).isInstanceOf(CheckoutOutcome.Subscribed.class);
		assertThat(jdbc.sql("select amount from billing.payment where member_id = :m and status = 'succeeded'")
			.param("m", member)
			.query(Long.class)
			.list()).containsExactly(500L);
	}

	@Test
	void aCardDeclinedWhenAttachedStartsNoTrial() {
		CheckoutOutcome outcome = checkouts.checkout(checkout(SandboxCards.DECLINED));

		assertThat(outcome).isEqualTo(new CheckoutOutcome.Declined("Your card was declined."));
		assertThat(rows("billing.subscription")).isZero();
		assertThat(rows("billing.card")).isZero();
		assertThat(entitlements.of(member)).isEqualTo(Entitlement.none());
	}

	@Test
	void submittingTheTrialFormTwiceStartsOneTrial() {
		Checkout checkout = checkout(SandboxCards.SUCCEEDS);

		checkouts.checkout(checkout);
		CheckoutOutcome again = checkouts.checkout(checkout);

		assertThat(again).isInstanceOf(CheckoutOutcome.AlreadySubscribed.class);
		assertThat(rows("billing.subscription")).isEqualTo(1);
	}

	@Test
	void thePagesOfferTheTrialAndTheAccountShowsItsEnd() {
		String email = MemberFixtures.reader(members, "trial");
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);

		Document plans = visitor.get("/subscribe").document();
		assertThat(plans.select("li.plan:contains(Trial " + plan.code() + ") .plan-trial").text())
			.startsWith("14-day free trial, then $5.00/month");
		String checkoutPath = "/checkout/" + plan.code() + "?interval=month";
		Document form = visitor.get(checkoutPath).document();
		assertThat(form.select(".checkout-price").text())
			.startsWith("14-day free trial, then $5.00/month. Nothing is charged today");
		assertThat(form.selectFirst("form[action=/checkout/" + plan.code() + "]:not([method=get])")
			.select("button")
			.text()).isEqualTo("Start your free trial");

		Visitor.Page paid = visitor.submit(checkoutPath, "/checkout/" + plan.code(), Map.of("nameOnCard", "Ada Reader",
				"cardNumber", SandboxCards.SUCCEEDS, "expiry", BillingFixtures.expiryField(), "cvc", "123"));

		assertThat(paid.status()).isEqualTo(303);
		assertThat(paid.header("Location")).endsWith("/account");
		Document account = visitor.get("/account").document();
		assertThat(account.select("p.notice").text())
			.startsWith("Your free trial has started. Your first charge is on ");
		assertThat(account.select(".account-plan dd").eachText()).contains("Free trial");
		assertThat(account.select(".account-when").text()).startsWith("First charge on ");
	}

	private Checkout checkout(String cardNumber) {
		return new Checkout(member, "m" + member + "@billing.test", plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(cardNumber));
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table + " where member_id = :m")
			.param("m", member)
			.query(Long.class)
			.single();
	}

	private long sandboxCharges() {
		return jdbc.sql("select count(*) from billing.sandbox_charge where idempotency_key like :key")
			.param("key", "checkout-" + member + "-%")
			.query(Long.class)
			.single();
	}

	private List<String> events() {
		return BillingProbe.transitionsOf(jdbc, member);
	}

}
