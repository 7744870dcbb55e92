package org.backstory.billing.renewal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.backstory.OwnDatabase;
import org.backstory.billing.BillingClockTestSupport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.Plan;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.billing.card.CardChange;
import org.backstory.billing.card.CardExpiryNotices;
import org.backstory.billing.card.CardService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.payment.CardDetails;
import org.backstory.billing.payment.HeldPaymentReleases;
import org.backstory.billing.payment.HeldPayments;
import org.backstory.billing.payment.PaymentRepository.HeldPayment;
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

/**
 * The renewal run and dunning over simulated weeks: what is charged, what is mailed,
 * where access stands.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_renewals")
class RenewalRunIntegrationTests extends BillingClockTestSupport {

	@Autowired
	CardService cards;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	Entitlements entitlements;

	@Autowired
	CardExpiryNotices notices;

	@Autowired
	HeldPayments held;

	@Autowired
	SubscriptionChanges changes;

	@Autowired
	HeldPaymentReleases releases;

	private Plan plan;

	private SignedInMember member;

	@BeforeEach
	void newPlanAndMember() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		member = BillingFixtures.registeredMember(members);
	}

	@Test
	void aPeriodThatEndedIsChargedOnceAndTheNextPeriodStartsWhereItEnded() {
		subscribe(SandboxCards.SUCCEEDS);
		Instant paidThrough = subscription().currentPeriodEnd();

		clock.advance(Duration.ofDays(32));
		run.runDue();
		run.runDue();

		SubscriptionSummary renewed = subscription();
		assertThat(renewed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(renewed.currentPeriodStart()).isEqualTo(paidThrough);
		assertThat(renewed.currentPeriodEnd()).isEqualTo(BillingInterval.MONTH.periodEnd(paidThrough));
		assertThat(succeededCharges()).isEqualTo(2);
		assertThat(payments()).containsExactly("checkout succeeded 500", "renewal succeeded 500");
		assertThat(events()).endsWith("active>active renewed 500");
		assertThat(invoiceNumbers()).doesNotContainNull().doesNotHaveDuplicates();
		SentMail receipt = SentMail.lastTo(jdbc, member.email());
		assertThat(receipt.subject()).startsWith("Your receipt (invoice ");
		assertThat(receipt.text()).contains("$5.00", "/account/payments/");
		assertThat(SentMail.countTo(jdbc, member.email(), "Your receipt"))
			.as("one for the checkout, one for the renewal")
			.isEqualTo(2);
	}

	@Test
	void aSubscriptionBegunOnThe31stRenewsOnTheLastDayOfShorterMonthsAndReturnsToThe31st() {
		Instant january31 = Instant.parse("2027-01-31T10:00:00Z");
		clock.advance(Duration.between(clock.instant(), january31));
		subscribe(SandboxCards.SUCCEEDS);
		assertThat(anchorDay()).isEqualTo(31);
		List<String> periodEnds = new ArrayList<>();
		periodEnds.add(day(subscription().currentPeriodEnd()));
		for (int renewal = 0; renewal < 3; renewal++) {
			clock.advance(Duration.between(clock.instant(), subscription().currentPeriodEnd()).plusHours(1));
			run.runDue();
			periodEnds.add(day(subscription().currentPeriodEnd()));
		}

		assertThat(periodEnds).containsExactly("2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31");
		assertThat(payments()).containsExactly("checkout succeeded 500", "renewal succeeded 500",
				"renewal succeeded 500", "renewal succeeded 500");
	}

	@Test
	void aDeclinedRenewalIsRetriedOnScheduleAndTheSubscriptionEndsWhenRetriesRunOut() {
		subscribe(SandboxCards.FIRST_CHARGE_ONLY);
		Instant periodEnd = subscription().currentPeriodEnd();

		clock.advance(Duration.between(clock.instant(), periodEnd).plusMinutes(1));
		run.runDue();
		SubscriptionSummary pastDue = subscription();
		assertThat(pastDue.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
		assertThat(pastDue.currentPeriodEnd()).as("still paid through the old period").isEqualTo(periodEnd);
		assertThat(entitlements.of(member.id()).status()).isEqualTo(Entitlement.Status.PAST_DUE);
		assertThat(SentMail.lastTo(jdbc, member.email()).subject())
			.isEqualTo("Your card was declined — update your card on file");

		// Retries 1, 4, 9 and 16 days after the first decline; nothing happens in
		// between.
		for (int day : List.of(1, 3, 5)) {
			clock.advance(Duration.ofDays(day).minusMinutes(10));
			run.runDue();
			assertThat(failedCharges()).as("no retry before day %d", day).isEqualTo(failedChargesBefore(day));
			clock.advance(Duration.ofMinutes(10));
			run.runDue();
			assertThat(subscription().status()).isEqualTo(SubscriptionStatus.PAST_DUE);
		}
		assertThat(failedCharges()).isEqualTo(4);
		assertThat(SentMail.lastTo(jdbc, member.email()).subject())
			.isEqualTo("Last try: your card was declined — update your card on file");

		clock.advance(Duration.ofDays(7));
		run.runDue();

		assertThat(subscription().status()).isEqualTo(SubscriptionStatus.EXPIRED);
		assertThat(failedCharges()).isEqualTo(5);
		assertThat(succeededCharges()).isEqualTo(1);
		assertThat(events()).containsSubsequence("active>past_due renewal_failed 500",
				"past_due>past_due renewal_failed 500", "past_due>expired retries_exhausted 500");
		assertThat(SentMail.lastTo(jdbc, member.email()).subject()).isEqualTo("Your subscription has ended");
		run.runDue();
		assertThat(failedCharges()).as("an ended subscription is not charged again").isEqualTo(5);
	}

	@Test
	void aNewCardRetriesThePastDueRenewalAtOnceAndRestoresAccess() {
		subscribe(SandboxCards.FIRST_CHARGE_ONLY);
		Instant periodEnd = subscription().currentPeriodEnd();
		clock.advance(Duration.between(clock.instant(), periodEnd).plusDays(8));
		run.runDue();
		assertThat(subscription().status()).isEqualTo(SubscriptionStatus.PAST_DUE);

		CardChange change = cards.replaceCard(member.id(), member.email(), BillingFixtures.card(SandboxCards.SUCCEEDS));

		assertThat(change).isInstanceOf(CardChange.Replaced.class);
		SubscriptionSummary recovered = subscription();
		assertThat(recovered.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(recovered.pastDueSince()).isNull();
		assertThat(recovered.currentPeriodStart()).isEqualTo(periodEnd);
		assertThat(entitlements.of(member.id()).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(events()).endsWith("active>past_due renewal_failed 500", "past_due>active renewed 500");
	}

	@Test
	void canceledSubscriptionsAndCompsEndAtTheirPeriodEndWithoutACharge() {
		SignedInMember comped = BillingFixtures.registeredMember(members);
		subscriptions.grantComp(comped.id(), plan.tier(), clock.instant().plus(Duration.ofDays(10)));

		clock.advance(Duration.ofDays(11));
		run.runDue();

		assertThat(subscriptions.currentSubscription(comped.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.EXPIRED);
		assertThat(jdbc.sql("select count(*) from billing.payment where member_id = :m")
			.param("m", comped.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCardThatExpiresWithinThirtyDaysGetsOneNoticeWhileARenewalDependsOnIt() {
		YearMonth expiry = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(2);
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(),
				BillingInterval.YEAR, UUID.randomUUID(),
				new CardDetails(SandboxCards.SUCCEEDS, expiry.getMonthValue(), expiry.getYear(), "123", "Ada Reader")));
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Subscribed.class);

		notices.sendDue();
		assertThat(expiryNotices()).as("still more than 30 days to go").isZero();

		clock.advance(Duration.between(clock.instant(),
				expiry.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(20))));
		notices.sendDue();
		notices.sendDue();

		assertThat(expiryNotices()).isEqualTo(1);
		assertThat(SentMail.lastTo(jdbc, member.email()).text()).contains("ending in 4242",
				String.format("%02d/%d", expiry.getMonthValue(), expiry.getYear()), "/account/card");
	}

	private long expiryNotices() {
		return SentMail.countTo(jdbc, member.email(), "Your card on file expires soon");
	}

	private static int failedChargesBefore(int day) {
		return switch (day) {
			case 1 -> 1;
			case 3 -> 2;
			default -> 3;
		};
	}

	@Test
	void aRenewalTheBankHoldsIsNotADeclineAndIsPaidOnceWhenTheMemberConfirmsIt() {
		subscribe(SandboxCards.REQUIRES_AUTHENTICATION);
		Instant periodEnd = subscription().currentPeriodEnd();

		clock.advance(Duration.between(clock.instant(), periodEnd).plusMinutes(1));
		run.runDue();

		SubscriptionSummary waiting = subscription();
		assertThat(waiting.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
		assertThat(waiting.currentPeriodEnd()).isEqualTo(periodEnd);
		assertThat(entitlements.of(member.id()).status()).isEqualTo(Entitlement.Status.PAST_DUE);
		SentMail mail = SentMail.lastTo(jdbc, member.email());
		assertThat(mail.subject()).isEqualTo("Confirm your payment to keep your subscription");
		assertThat(SentMail.countTo(jdbc, member.email(), "Your card was declined")).isZero();
		assertThat(payments()).containsExactly("checkout succeeded 500", "renewal pending 500");

		// No off-session retry while the member is asked: the bank would hold it too.
		clock.advance(Duration.ofDays(15));
		run.runDue();
		assertThat(payments()).containsExactly("checkout succeeded 500", "renewal pending 500");

		HeldPayment payment = heldPayment(mail);
		assertThat(held.confirmOnOurPage(payment)).isTrue();
		assertThat(held.confirmOnOurPage(heldPayment(mail))).as("confirmed once").isTrue();

		SubscriptionSummary renewed = subscription();
		assertThat(renewed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(renewed.currentPeriodStart()).isEqualTo(periodEnd);
		assertThat(payments()).containsExactly("checkout succeeded 500", "renewal succeeded 500");
		assertThat(SentMail.countTo(jdbc, member.email(), "Your receipt")).isEqualTo(2);
		assertThat(events()).endsWith("active>past_due renewal_failed 500", "past_due>active renewed 500");
	}

	@Test
	void aHeldRenewalNobodyConfirmsGetsOneLastTryWhenTheRetriesWouldHaveRunOutAndThenEnds() {
		subscribe(SandboxCards.REQUIRES_AUTHENTICATION);
		clock.advance(Duration.between(clock.instant(), subscription().currentPeriodEnd()).plusMinutes(1));
		run.runDue();
		HeldPayment first = heldPayment(SentMail.lastTo(jdbc, member.email()));

		// 1 + 3 + 5 + 7 days: when the last retry of a decline would have come.
		clock.advance(Duration.ofDays(16).minusMinutes(10));
		run.runDue();
		assertThat(subscription().status()).isEqualTo(SubscriptionStatus.PAST_DUE);
		clock.advance(Duration.ofMinutes(20));
		run.runDue();

		assertThat(subscription().status()).isEqualTo(SubscriptionStatus.EXPIRED);
		assertThat(payments()).containsExactly("checkout succeeded 500", "renewal failed 500", "renewal failed 500");
		assertThat(held.find(first.id(), member.id()).orElseThrow().waiting()).as("no longer offered").isFalse();
		assertThat(held.confirmOnOurPage(held.find(first.id(), member.id()).orElseThrow())).isFalse();
		assertThat(SentMail.lastTo(jdbc, member.email()).subject()).isEqualTo("Your subscription has ended");
		assertThat(events()).endsWith("active>past_due renewal_failed 500", "past_due>expired retries_exhausted 500");
	}

	@Test
	void aMemberWhoCancelsWhileAPaymentIsHeldIsNoLongerAskedToConfirmIt() {
		subscribe(SandboxCards.REQUIRES_AUTHENTICATION);
		clock.advance(Duration.between(clock.instant(), subscription().currentPeriodEnd()).plusMinutes(1));
		run.runDue();
		HeldPayment payment = heldPayment(SentMail.lastTo(jdbc, member.email()));

		changes.cancel(member.id());

		assertThat(held.find(payment.id(), member.id()).orElseThrow().waiting()).isFalse();
		assertThat(held.confirmOnOurPage(held.find(payment.id(), member.id()).orElseThrow())).isFalse();
		assertThat(payments()).containsExactly("checkout succeeded 500", "renewal failed 500");
		assertThat(subscription().status()).isEqualTo(SubscriptionStatus.EXPIRED);

		releases.releaseDue();
		assertThat(jdbc.sql("""
				select p.hold_release_outcome || ' ' || c.decline_code from billing.payment p
				join billing.sandbox_charge c on c.id = p.gateway_charge_id where p.id = :id
				""").param("id", payment.id()).query(String.class).single())
			.as("the held sandbox charge is canceled, so it can no longer be paid")
			.isEqualTo("canceled payment_intent_canceled");
	}

	private HeldPayment heldPayment(SentMail mail) {
		String link = mail.path("/account/payments/");
		long id = Long.parseLong(link.substring("/account/payments/".length(), link.indexOf("/confirm")));
		return held.find(id, member.id()).orElseThrow();
	}

	private void subscribe(String cardNumber) {
		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(),
				BillingInterval.MONTH, UUID.randomUUID(), BillingFixtures.card(cardNumber)));
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Subscribed.class);
	}

	private static String day(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
	}

	private Integer anchorDay() {
		return jdbc.sql("select anchor_day from billing.subscription where member_id = :m")
			.param("m", member.id())
			.query(Integer.class)
			.single();
	}

	private SubscriptionSummary subscription() {
		return subscriptions.currentSubscription(member.id()).orElseThrow();
	}

	private long succeededCharges() {
		return sandboxCharges(true);
	}

	private long failedCharges() {
		return sandboxCharges(false);
	}

	private long sandboxCharges(boolean succeeded) {
		return jdbc
			.sql("""
					select count(*) from billing.sandbox_charge c join billing.payment p on p.idempotency_key = c.idempotency_key
					where p.member_id = :m and c.succeeded = :succeeded
					""")
			.param("m", member.id())
			.param("succeeded", succeeded)
			.query(Long.class)
			.single();
	}

	private List<String> payments() {
		return jdbc.sql(
				"select purpose || ' ' || status || ' ' || amount from billing.payment where member_id = :m order by id")
			.param("m", member.id())
			.query(String.class)
			.list();
	}

	private List<Long> invoiceNumbers() {
		return jdbc.sql("select invoice_number from billing.payment where member_id = :m and status = 'succeeded'")
			.param("m", member.id())
			.query(Long.class)
			.list();
	}

	private List<String> events() {
		return BillingProbe.historyOf(jdbc, member.id());
	}

}
