package org.backstory.billing.planchange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.backstory.OwnDatabase;
import org.backstory.billing.BillingClockTestSupport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Entitlements;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.payment.PaymentGateway;
import org.backstory.billing.payment.PaymentSettlement;
import org.backstory.billing.renewal.UpcomingCharges;
import org.backstory.billing.subscription.SubscriptionChangeRefused;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.email.SentMail;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moving subscriptions between plans and intervals: what is charged, credited and logged,
 * and when.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_plan_changes")
class PlanChangeIntegrationTests extends BillingClockTestSupport {

	@Autowired
	PlanChanges planChanges;

	@Autowired
	PlanChangeSteps steps;

	@Autowired
	PaymentSettlement settlement;

	@Autowired
	SubscriptionChanges subscriptionChanges;

	@Autowired
	UpcomingCharges upcoming;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Entitlements entitlements;

	/** $5 a month, $50 a year, tier {@code paid}. */
	private Plan supporter;

	/** $10 a month, $100 a year, tier {@code patron}. */
	private Plan patron;

	private SignedInMember member;

	@BeforeEach
	void plansAndMember() {
		supporter = catalog.createPlan(BillingFixtures.newPlan());
		patron = catalog.createPlan(BillingFixtures.newPatronPlan());
		member = BillingFixtures.registeredMember(members);
	}

	@Test
	void movingFromMonthlyToYearlyChargesTheYearLessTheUnusedPartOfTheMonth() {
		subscribe(supporter, SandboxCards.SUCCEEDS);
		SubscriptionSummary before = subscription();
		clock.advance(Duration.ofDays(10));

		PlanChangeQuote quote = planChanges.quote(member.id(), supporter.code(), BillingInterval.YEAR);
		PlanChangeOutcome outcome = planChanges.change(member.id(), supporter.code(), BillingInterval.YEAR,
				UUID.randomUUID(), quote.quotedAt());

		long unused = SubscriptionChanges.unusedShare(500, before.currentPeriodStart(), before.currentPeriodEnd(),
				quote.quotedAt());
		assertThat(quote.dueNow()).isEqualTo(5000 - unused);
		assertThat(quote.credit()).isEqualTo(unused);
		assertThat(outcome)
			.isEqualTo(new PlanChangeOutcome.Changed(supporter.name(), BillingInterval.YEAR, 5000 - unused, 0, "USD"));
		SubscriptionSummary after = subscription();
		assertThat(after.interval()).isEqualTo(BillingInterval.YEAR);
		assertThat(after.price()).isEqualTo(5000);
		assertThat(after.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(after.currentPeriodStart()).isEqualTo(quote.quotedAt());
		assertThat(after.currentPeriodEnd()).isEqualTo(BillingInterval.YEAR.periodEnd(quote.quotedAt()))
			.isEqualTo(quote.nextChargeOn());
		assertThat(payments()).containsExactly("checkout succeeded 500 list 500 credit 0",
				"plan_change succeeded " + (5000 - unused) + " list 5000 credit " + unused);
		assertThat(events()).endsWith("active>active plan_changed " + (5000 - unused) + " mrr 417");
		assertThat(SentMail.lastTo(jdbc, member.email()).subject()).startsWith("Your receipt (invoice ");
		assertThat(entitlements.of(member.id()).paidThrough()).isEqualTo(after.currentPeriodEnd());
	}

	@Test
	void aTierDowngradeLeavesCreditThatTheNextRenewalTakesOff() {
		subscribe(patron, SandboxCards.SUCCEEDS);
		SubscriptionSummary before = subscription();
		clock.advance(Duration.ofDays(15));

		PlanChangeQuote quote = planChanges.quote(member.id(), supporter.code(), BillingInterval.MONTH);
		PlanChangeOutcome outcome = planChanges.change(member.id(), supporter.code(), BillingInterval.MONTH,
				UUID.randomUUID(), quote.quotedAt());

		long unused = SubscriptionChanges.unusedShare(1000, before.currentPeriodStart(), before.currentPeriodEnd(),
				quote.quotedAt());
		long cost = SubscriptionChanges.unusedShare(500, before.currentPeriodStart(), before.currentPeriodEnd(),
				quote.quotedAt());
		long credit = unused - cost;
		assertThat(credit).isPositive();
		assertThat(quote.dueNow()).isZero();
		assertThat(quote.creditAdded()).isEqualTo(credit);
		assertThat(outcome)
			.isEqualTo(new PlanChangeOutcome.Changed(supporter.name(), BillingInterval.MONTH, 0, credit, "USD"));
		SubscriptionSummary after = subscription();
		assertThat(after.tier()).isEqualTo("paid");
		assertThat(after.currentPeriodEnd()).as("the period stays").isEqualTo(before.currentPeriodEnd());
		assertThat(entitlements.of(member.id()).tier()).isEqualTo("paid");
		assertThat(creditBalance()).isEqualTo(credit);
		assertThat(upcoming.next(member.id())).hasValueSatisfying(next -> {
			assertThat(next.on()).isEqualTo(before.currentPeriodEnd());
			assertThat(next.amount()).isEqualTo(500 - credit);
			assertThat(next.credit()).isEqualTo(credit);
		});
		assertThat(payments()).containsExactly("checkout succeeded 1000 list 1000 credit 0");
		assertThat(events()).endsWith("active>active plan_changed mrr 500");

		clock.advance(Duration.between(clock.instant(), before.currentPeriodEnd()).plusMinutes(1));
		run.runDue();

		assertThat(payments()).endsWith("renewal succeeded " + (500 - credit) + " list 500 credit " + credit);
		assertThat(creditBalance()).isZero();
		assertThat(subscription().currentPeriodStart()).isEqualTo(before.currentPeriodEnd());
	}

	@Test
	void aDeclinedUpgradeChargeChangesNothing() {
		subscribe(supporter, SandboxCards.FIRST_CHARGE_ONLY);
		SubscriptionSummary before = subscription();
		List<String> eventsBefore = events();
		clock.advance(Duration.ofDays(3));

		PlanChangeOutcome outcome = planChanges.change(member.id(), patron.code(), BillingInterval.MONTH,
				UUID.randomUUID(), null);

		assertThat(outcome).isInstanceOfSatisfying(PlanChangeOutcome.Declined.class,
				declined -> assertThat(declined.message()).isNotBlank());
		assertThat(subscription()).isEqualTo(before);
		assertThat(events()).isEqualTo(eventsBefore);
		assertThat(creditBalance()).isZero();
		assertThat(entitlements.of(member.id()).tier()).isEqualTo("paid");
		assertThat(jdbc.sql(
				"select c.status from billing.plan_change c join billing.subscription s on s.id = c.subscription_id where s.member_id = :m")
			.param("m", member.id())
			.query(String.class)
			.list()).containsExactly("declined");
		assertThat(payments()).last().asString().startsWith("plan_change failed");
	}

	@Test
	void confirmingTheSameChangeTwiceChargesOnce() throws Exception {
		subscribe(supporter, SandboxCards.SUCCEEDS);
		clock.advance(Duration.ofDays(5));
		UUID attempt = UUID.randomUUID();

		CompletableFuture<PlanChangeOutcome> first = CompletableFuture
			.supplyAsync(() -> planChanges.change(member.id(), patron.code(), BillingInterval.MONTH, attempt, null));
		CompletableFuture<PlanChangeOutcome> second = CompletableFuture
			.supplyAsync(() -> planChanges.change(member.id(), patron.code(), BillingInterval.MONTH, attempt, null));
		PlanChangeOutcome third = planChanges.change(member.id(), patron.code(), BillingInterval.MONTH, attempt, null);

		assertThat(List.of(first.get(), second.get(), third))
			.allSatisfy(outcome -> assertThat(outcome).isInstanceOf(PlanChangeOutcome.Changed.class));
		assertThat(sandboxCharges("plan-change-%")).isEqualTo(1);
		assertThat(events().stream().filter(e -> e.contains("plan_changed"))).hasSize(1);
		assertThat(subscription().planCode()).isEqualTo(patron.code());
	}

	@Test
	void aNoChargeChangeConfirmedTwiceChangesOnce() {
		subscribe(patron, SandboxCards.SUCCEEDS);
		clock.advance(Duration.ofDays(20));
		UUID attempt = UUID.randomUUID();

		PlanChangeOutcome first = planChanges.change(member.id(), supporter.code(), BillingInterval.MONTH, attempt,
				null);
		PlanChangeOutcome again = planChanges.change(member.id(), supporter.code(), BillingInterval.MONTH, attempt,
				null);

		assertThat(again).isEqualTo(first);
		assertThat(events().stream().filter(e -> e.contains("plan_changed"))).hasSize(1);
		assertThat(creditBalance()).isEqualTo(((PlanChangeOutcome.Changed) first).creditAdded());
	}

	@Test
	void aChargeWhoseAnswerCameByNotificationAppliesTheChange() {
		subscribe(supporter, SandboxCards.SUCCEEDS);
		PlanCatalog.StoredPlan target = catalog.find(patron.code()).orElseThrow();
		String key = "plan-change-" + member.id() + "-" + UUID.randomUUID();
		PlanChangeSteps.Begun begun = steps.begin(member.id(), target, BillingInterval.MONTH, key, null, "sandbox");
		assertThat(begun).isInstanceOf(PlanChangeSteps.Begun.Proceed.class);
		assertThat(subscription().planCode()).as("not before it is paid").isEqualTo(supporter.code());

		assertThat(settlement.settle(key, new PaymentGateway.ChargeResult.Succeeded("ch_webhook_" + member.id())))
			.isTrue();
		assertThat(settlement.settle(key, new PaymentGateway.ChargeResult.Succeeded("ch_webhook_" + member.id())))
			.as("a repeated notification changes nothing")
			.isFalse();

		assertThat(subscription().planCode()).isEqualTo(patron.code());
		assertThat(subscription().tier()).isEqualTo("patron");
		assertThat(events().stream().filter(e -> e.contains("plan_changed"))).hasSize(1);
	}

	@Test
	void aChangeLeftPendingIsChargedAndMadeBeforeTheNextOne() {
		subscribe(supporter, SandboxCards.SUCCEEDS);
		String key = "plan-change-" + member.id() + "-" + UUID.randomUUID();
		steps.begin(member.id(), catalog.find(patron.code()).orElseThrow(), BillingInterval.MONTH, key, null,
				"sandbox");

		PlanChangeOutcome outcome = planChanges.change(member.id(), patron.code(), BillingInterval.YEAR,
				UUID.randomUUID(), null);

		assertThat(outcome).isInstanceOfSatisfying(PlanChangeOutcome.Changed.class,
				changed -> assertThat(changed.interval()).isEqualTo(BillingInterval.YEAR));
		assertThat(sandboxCharges(key)).isEqualTo(1);
		assertThat(events().stream().filter(e -> e.contains("plan_changed"))).hasSize(2);
		assertThat(subscription().interval()).isEqualTo(BillingInterval.YEAR);
	}

	@Test
	void aTrialMovesToTheNewPlanAtOnceWithoutChargeAndKeepsItsEnd() {
		Instant trialEnd = clock.instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MICROS);
		subscriptions.importSubscription(new ImportedSubscription(member.id(), supporter.code(), BillingInterval.MONTH,
				SubscriptionStatus.TRIALING, clock.instant().minus(Duration.ofDays(4)), trialEnd, null,
				SandboxCards.VISA));

		PlanChangeOutcome outcome = planChanges.change(member.id(), patron.code(), BillingInterval.YEAR,
				UUID.randomUUID(), null);

		assertThat(outcome).isEqualTo(new PlanChangeOutcome.Changed(patron.name(), BillingInterval.YEAR, 0, 0, "USD"));
		SubscriptionSummary after = subscription();
		assertThat(after.status()).isEqualTo(SubscriptionStatus.TRIALING);
		assertThat(after.currentPeriodEnd()).isEqualTo(trialEnd);
		assertThat(after.price()).isEqualTo(10000);
		assertThat(payments()).isEmpty();
		assertThat(upcoming.next(member.id())).hasValueSatisfying(next -> assertThat(next.amount()).isEqualTo(10000));
		assertThat(events()).endsWith("trialing>trialing plan_changed mrr 0");
	}

	@Test
	void canceledPastDueAndUnchangedPlansAreRefusedAndNothingChanges() {
		subscribe(supporter, SandboxCards.SUCCEEDS);
		subscriptionChanges.cancel(member.id());
		SubscriptionSummary canceled = subscription();

		assertThatThrownBy(
				() -> planChanges.change(member.id(), patron.code(), BillingInterval.MONTH, UUID.randomUUID(), null))
			.isInstanceOf(SubscriptionChangeRefused.class)
			.hasMessage("Resume your subscription before changing your plan.");
		assertThat(subscription()).isEqualTo(canceled);

		subscriptionChanges.resume(member.id());
		assertThatThrownBy(
				() -> planChanges.change(member.id(), supporter.code(), BillingInterval.MONTH, UUID.randomUUID(), null))
			.hasMessage("You're already on this plan.");
		assertThat(planChanges.quotes(member.id())).extracting(q -> q.planCode() + "/" + q.interval().code())
			.contains(supporter.code() + "/year", patron.code() + "/month", patron.code() + "/year")
			.doesNotContain(supporter.code() + "/month");

		SignedInMember pastDue = BillingFixtures.registeredMember(members);
		Instant failed = clock.instant().minus(Duration.ofDays(2));
		subscriptions.importSubscription(new ImportedSubscription(pastDue.id(), supporter.code(), BillingInterval.MONTH,
				SubscriptionStatus.PAST_DUE, failed.minus(Duration.ofDays(30)), failed, failed,
				SandboxCards.VISA_CHARGES_FAIL));
		assertThatThrownBy(() -> planChanges.quotes(pastDue.id()))
			.hasMessage("Update your card on file before changing your plan.");
	}

	private void subscribe(Plan plan, String cardNumber) {
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(),
				BillingInterval.MONTH, UUID.randomUUID(), BillingFixtures.card(cardNumber)));
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Subscribed.class);
	}

	private SubscriptionSummary subscription() {
		return subscriptions.currentSubscription(member.id()).orElseThrow();
	}

	private long creditBalance() {
		return jdbc.sql("select credit_balance from billing.subscription where id = :id")
			.param("id", subscription().id())
			.query(Long.class)
			.single();
	}

	private long sandboxCharges(String keyPattern) {
		return jdbc
			.sql("""
					select count(*) from billing.sandbox_charge c join billing.payment p on p.idempotency_key = c.idempotency_key
					where p.member_id = :m and c.idempotency_key like :key
					""")
			.param("m", member.id())
			.param("key", keyPattern)
			.query(Long.class)
			.single();
	}

	private List<String> payments() {
		return jdbc
			.sql("""
					select purpose || ' ' || status || ' ' || amount || ' list ' || list_amount || ' credit ' || credit_applied
					from billing.payment where member_id = :m order by id
					""")
			.param("m", member.id())
			.query(String.class)
			.list();
	}

	private List<String> events() {
		return jdbc.sql("""
				select coalesce(e.from_status, 'null') || '>' || e.to_status || ' ' || e.cause
				       || coalesce(' ' || e.amount, '') || ' mrr ' || e.mrr_after
				from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
				where s.member_id = :m order by e.id
				""").param("m", member.id()).query(String.class).list();
	}

}
