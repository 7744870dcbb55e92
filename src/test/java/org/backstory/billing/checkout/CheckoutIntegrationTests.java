package org.backstory.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.payment.PaymentAttempt;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.StoredCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checkout through the service: what is charged, what is written, and that nothing is
 * charged twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckoutIntegrationTests {

	@Autowired
	CheckoutService checkouts;

	@Autowired
	CheckoutSteps steps;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	Entitlements entitlements;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	private long member;

	@BeforeEach
	void newPlanAndMember() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		member = BillingFixtures.newMemberId();
	}

	@Test
	void aSucceedingCardStartsAnActiveSubscriptionWithTheCardOnFile() {
		CheckoutOutcome outcome = checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS));

		assertThat(outcome).isInstanceOf(CheckoutOutcome.Subscribed.class);
		Entitlement entitlement = entitlements.of(member);
		assertThat(entitlement.status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(entitlement.tier()).isEqualTo("paid");
		assertThat(entitlement.paidThrough()).isAfter(Instant.now().plus(Duration.ofDays(27)));
		assertThat(
				jdbc.sql("select status, price_amount, billing_interval from billing.subscription where member_id = :m")
					.param("m", member)
					.query((rs, row) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3))
					.list())
			.containsExactly("active 500 month");
		assertThat(jdbc.sql("select brand || ' ' || last4 from billing.card where member_id = :m")
			.param("m", member)
			.query(String.class)
			.single()).isEqualTo("Visa 4242");
		assertThat(
				jdbc.sql("select status || ' ' || amount || ' ' || currency from billing.payment where member_id = :m")
					.param("m", member)
					.query(String.class)
					.list())
			.containsExactly("succeeded 500 USD");
		assertThat(events()).containsExactly("null>incomplete checkout_started", "incomplete>active first_payment 500");
	}

	@Test
	void aMemberWhoJustSubscribedIsEntitledAtOnceThoughTheirEntitlementWasJustAskedFor() {
		assertThat(entitlements.of(member)).isEqualTo(Entitlement.none());

		checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS));

		assertThat(entitlements.of(member).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void aYearlyCheckoutChargesTheYearlyPriceForAYear() {
		checkouts.checkout(new Checkout(member, email(), plan.code(), BillingInterval.YEAR, UUID.randomUUID(),
				BillingFixtures.card(SandboxCards.SUCCEEDS)));

		assertThat(entitlements.of(member).paidThrough()).isAfter(Instant.now().plus(Duration.ofDays(364)));
		assertThat(jdbc.sql("select amount from billing.payment where member_id = :m")
			.param("m", member)
			.query(Long.class)
			.single()).isEqualTo(5000);
	}

	@Test
	void aDeclinedCardCreatesNoSubscriptionNoCardAndNoPayment() {
		CheckoutOutcome outcome = checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.DECLINED));

		assertThat(outcome).isEqualTo(new CheckoutOutcome.Declined("Your card was declined."));
		assertThat(rows("billing.subscription")).isZero();
		assertThat(rows("billing.card")).isZero();
		assertThat(rows("billing.payment")).isZero();
		assertThat(entitlements.of(member)).isEqualTo(Entitlement.none());
	}

	@Test
	void submittingTheSameAttemptAgainChargesOnce() {
		Checkout checkout = checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS);

		CheckoutOutcome first = checkouts.checkout(checkout);
		CheckoutOutcome second = checkouts.checkout(checkout);

		assertThat(second).isEqualTo(first).isInstanceOf(CheckoutOutcome.Subscribed.class);
		assertThat(sandboxCharges(checkout)).isEqualTo(1);
		assertThat(rows("billing.payment")).isEqualTo(1);
	}

	@Test
	void theSameAttemptSubmittedConcurrentlyChargesOnce() throws Exception {
		Checkout checkout = checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS);

		List<CheckoutOutcome> outcomes = concurrently(checkout, checkout);

		assertThat(outcomes).allMatch(CheckoutOutcome.Subscribed.class::isInstance);
		assertThat(sandboxCharges(checkout)).isEqualTo(1);
		assertThat(rows("billing.payment")).isEqualTo(1);
		assertThat(rows("billing.subscription")).isEqualTo(1);
	}

	@Test
	void twoTabsCheckingOutAtOnceChargeOnce() throws Exception {
		List<CheckoutOutcome> outcomes = concurrently(checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS),
				checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS));

		assertThat(outcomes).anyMatch(CheckoutOutcome.Subscribed.class::isInstance);
		assertThat(succeededPayments()).isEqualTo(1);
		assertThat(rows("billing.subscription")).isEqualTo(1);
	}

	@Test
	void aMemberWhoIsSubscribedCannotCheckOutAgain() {
		checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS));

		CheckoutOutcome again = checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS));

		assertThat(again).isInstanceOf(CheckoutOutcome.AlreadySubscribed.class);
		assertThat(succeededPayments()).isEqualTo(1);
	}

	@Test
	void retryingAfterACrashBeforeTheChargeChargesOnce() {
		Checkout checkout = checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS);
		steps.begin(checkout, catalog.find(plan.code()).orElseThrow(), attach(SandboxCards.SUCCEEDS), gateway.name());

		CheckoutOutcome retried = checkouts.checkout(checkout);

		assertThat(retried).isInstanceOf(CheckoutOutcome.Subscribed.class);
		assertThat(sandboxCharges(checkout)).isEqualTo(1);
		assertThat(entitlements.of(member).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void aNewAttemptAfterACrashBetweenChargeAndRecordSettlesTheFirstInsteadOfChargingAgain() {
		Checkout crashed = checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS);
		CheckoutSteps.Begun begun = steps.begin(crashed, catalog.find(plan.code()).orElseThrow(),
				attach(SandboxCards.SUCCEEDS), gateway.name());
		PaymentAttempt attempt = ((CheckoutSteps.Begun.Proceed) begun).attempt();
		gateway.charge(attempt.charge());

		CheckoutOutcome fresh = checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS));

		assertThat(fresh).isInstanceOf(CheckoutOutcome.Subscribed.class);
		assertThat(sandboxCharges(crashed)).isEqualTo(1);
		assertThat(rows("billing.payment")).isEqualTo(1);
		assertThat(entitlements.of(member).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void aDeclinedFirstChargeLeavesTheCheckoutUnfinishedAndANewAttemptCanPay() {
		Checkout declined = checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS);
		CheckoutSteps.Begun begun = steps.begin(declined, catalog.find(plan.code()).orElseThrow(),
				SandboxCards.VISA_CHARGES_FAIL, gateway.name());

		CheckoutOutcome outcome = checkouts.checkout(declined);

		assertThat(begun).isInstanceOf(CheckoutSteps.Begun.Proceed.class);
		assertThat(outcome).isEqualTo(new CheckoutOutcome.Declined("Your card was declined."));
		assertThat(entitlements.of(member)).isEqualTo(Entitlement.none());
		assertThat(rows("billing.card")).isZero();

		CheckoutOutcome paid = checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.SUCCEEDS));

		assertThat(paid).isInstanceOf(CheckoutOutcome.Subscribed.class);
		assertThat(rows("billing.subscription")).isEqualTo(1);
		assertThat(entitlements.of(member).status()).isEqualTo(Entitlement.Status.ACTIVE);
	}

	@Test
	void anInactiveOrUnknownPlanCannotBeBought() {
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member, email(), "no-such-plan",
				BillingInterval.MONTH, UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS)));

		assertThat(outcome).isInstanceOf(CheckoutOutcome.PlanUnavailable.class);
	}

	@Test
	void noColumnInTheBillingSchemaHoldsAFullCardNumber() {
		checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.FIRST_CHARGE_ONLY));
		checkouts.checkout(checkout(UUID.randomUUID(), SandboxCards.DECLINED));
		long other = BillingFixtures.newMemberId();
		checkouts.checkout(new Checkout(other, "o@billing.test", plan.code(), BillingInterval.MONTH, UUID.randomUUID(),
				BillingFixtures.card(SandboxCards.SUCCEEDS)));

		List<String> columns = jdbc.sql("""
				select table_name || '.' || column_name from information_schema.columns
				where table_schema = 'billing' and data_type in ('text', 'character', 'character varying')
				""").query(String.class).list();
		assertThat(columns).contains("card.token", "payment.card_last4", "sandbox_card.token");
		List<String> leaks = new ArrayList<>();
		for (String column : columns) {
			String[] parts = column.split("\\.");
			for (String number : List.of(SandboxCards.SUCCEEDS, SandboxCards.DECLINED,
					SandboxCards.FIRST_CHARGE_ONLY)) {
				long hits = jdbc
					.sql("select count(*) from billing." + parts[0] + " where " + parts[1] + " like :number")
					.param("number", "%" + number + "%")
					.query(Long.class)
					.single();
				if (hits > 0) {
					leaks.add(column);
				}
			}
		}
		assertThat(leaks).isEmpty();
	}

	private Checkout checkout(UUID attempt, String cardNumber) {
		return new Checkout(member, email(), plan.code(), BillingInterval.MONTH, attempt,
				BillingFixtures.card(cardNumber));
	}

	private String email() {
		return "m" + member + "@billing.test";
	}

	private StoredCard attach(String number) {
		return ((PaymentGateway.CardAttachment.Attached) gateway
			.attachCard(new PaymentGateway.AttachCard(member, email(), null, BillingFixtures.card(number)))).card();
	}

	private List<CheckoutOutcome> concurrently(Checkout one, Checkout other) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<CheckoutOutcome> first = threads.submit(() -> await(start, one));
			Future<CheckoutOutcome> second = threads.submit(() -> await(start, other));
			return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
		}
		finally {
			threads.shutdownNow();
		}
	}

	private CheckoutOutcome await(CyclicBarrier start, Checkout checkout) {
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return checkouts.checkout(checkout);
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table + " where member_id = :m")
			.param("m", member)
			.query(Long.class)
			.single();
	}

	private long succeededPayments() {
		return jdbc.sql("select count(*) from billing.payment where member_id = :m and status = 'succeeded'")
			.param("m", member)
			.query(Long.class)
			.single();
	}

	private long sandboxCharges(Checkout checkout) {
		return jdbc.sql("select count(*) from billing.sandbox_charge where idempotency_key = :key")
			.param("key", checkout.idempotencyKey())
			.query(Long.class)
			.single();
	}

	private List<String> events() {
		return BillingProbe.historyOf(jdbc, member);
	}

}
