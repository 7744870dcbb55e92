package org.backstory.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.OwnDatabase;
import org.backstory.access.AccessPolicy;
import org.backstory.billing.card.CardChange;
import org.backstory.billing.card.CardService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.CouponService;
import org.backstory.billing.checkout.NewCoupon;
import org.backstory.billing.gift.GiftOutcome;
import org.backstory.billing.gift.GiftPurchase;
import org.backstory.billing.gift.GiftRedemption;
import org.backstory.billing.gift.GiftService;
import org.backstory.billing.ledger.RevenueFigures;
import org.backstory.billing.payment.RefundOutcome;
import org.backstory.billing.planchange.PlanChangeOutcome;
import org.backstory.billing.planchange.PlanChanges;
import org.backstory.billing.subscription.SubscriptionChanges;
import org.backstory.email.SentMail;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty members over fourteen simulated months, the renewal run going every simulated
 * day: trials, renewals, declines, a card update, cancellations, a resumption, plan
 * changes, coupons, a gift, comps and a staff cancellation with refund. At the end the
 * event log, the receipts' invoice numbers, the gateway's charges and the access
 * decisions all agree, and the revenue figures match a hand count.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=24h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_fourteen_months")
class FourteenMonthsIntegrationTests extends BillingClockTestSupport {

	@Autowired
	CardService cards;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	SubscriptionChanges changes;

	@Autowired
	PlanChanges planChanges;

	@Autowired
	CouponService coupons;

	@Autowired
	GiftService gifts;

	@Autowired
	Entitlements entitlements;

	@Autowired
	RevenueFigures revenue;

	private final Map<Integer, SignedInMember> member = new HashMap<>();

	@Test
	void fourteenMonthsOfTwentyMembersAddUp() {
		// Start on the first of a month, so no period meets a short month and the hand
		// count holds any day.
		Instant now = clock.instant();
		clock.advance(Duration.between(now,
				YearMonth.from(now.atZone(ZoneOffset.UTC))
					.plusMonths(1)
					.atDay(1)
					.atTime(9, 0)
					.toInstant(ZoneOffset.UTC)));
		Instant start = clock.instant();
		Instant end = start.atZone(ZoneOffset.UTC).plusMonths(14).minusDays(1).toInstant();
		Plan basic = catalog.createPlan(BillingFixtures.newPlan());
		Plan premium = catalog
			.createPlan(new NewPlan(code("premium"), "Premium", "premium", "More", "USD", 1000, 10000, 1000, 0));
		Plan trial = catalog
			.createPlan(new NewPlan(code("trial"), "With a trial", "paid", "Try it", "USD", 500, 5000, 1000, 14));
		String half = coupons
			.create(new NewCoupon(code("half"), "Half for three months", 50, null, null, CouponDuration.REPEATING, 3,
					null, null, null))
			.orElseThrow()
			.code();
		String twoOff = coupons
			.create(new NewCoupon(code("two"), "Two off forever", null, 200L, "USD", CouponDuration.FOREVER, null, null,
					null, null))
			.orElseThrow()
			.code();
		String soonGone = coupons
			.create(new NewCoupon(code("gone"), "Gone tomorrow", 10, null, null, CouponDuration.ONCE, null,
					start.plus(Duration.ofDays(1)), null, null))
			.orElseThrow()
			.code();
		for (int i = 1; i <= 20; i++) {
			member.put(i, BillingFixtures.registeredMember(members));
		}

		// Day 0.
		for (int i : List.of(1, 2, 3, 7, 8, 9, 10)) {
			subscribe(i, basic, BillingInterval.MONTH, SandboxCards.SUCCEEDS, null);
		}
		subscribe(4, basic, BillingInterval.YEAR, SandboxCards.SUCCEEDS, null);
		subscribe(5, basic, BillingInterval.MONTH, SandboxCards.FIRST_CHARGE_ONLY, null);
		subscribe(6, basic, BillingInterval.MONTH, SandboxCards.FIRST_CHARGE_ONLY, null);
		subscribe(11, basic, BillingInterval.MONTH, SandboxCards.SUCCEEDS, half);
		subscribe(12, basic, BillingInterval.MONTH, SandboxCards.SUCCEEDS, twoOff);
		assertThat(checkout(13, trial, BillingInterval.MONTH, SandboxCards.SUCCEEDS, null))
			.isInstanceOf(CheckoutOutcome.TrialStarted.class);
		assertThat(checkout(14, trial, BillingInterval.MONTH, SandboxCards.SUCCEEDS, null))
			.isInstanceOf(CheckoutOutcome.TrialStarted.class);
		subscriptions.grantComp(id(15), basic.tier(), start.plus(Duration.ofDays(180)));
		subscriptions.grantComp(id(16), basic.tier(), null);
		assertThat(gifts.purchase(new GiftPurchase(id(18), member.get(18).email(), "Giver", basic.code(), 6,
				member.get(17).email(), "Enjoy", UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS))))
			.isInstanceOf(GiftOutcome.Purchased.class);
		String giftToken = SentMail.lastTo(jdbc, member.get(17).email())
			.path("/gift/redeem/")
			.substring("/gift/redeem/".length());
		subscribe(19, basic, BillingInterval.YEAR, SandboxCards.SUCCEEDS, null);

		int fifthMemberDeclinedOn = Integer.MAX_VALUE - 2;
		long refunded = 0;
		for (int day = 1; clock.instant().plus(Duration.ofDays(1)).isBefore(end); day++) {
			clock.advance(Duration.ofDays(1));
			switch (day) {
				case 2 -> {
					assertThat(checkout(20, basic, BillingInterval.MONTH, SandboxCards.SUCCEEDS, soonGone))
						.isEqualTo(new CheckoutOutcome.CouponRefused("This coupon has expired."));
					subscribe(20, basic, BillingInterval.MONTH, SandboxCards.SUCCEEDS, null);
				}
				case 3 -> assertThat(gifts.redeem(giftToken, id(17))).isInstanceOf(GiftRedemption.Redeemed.class);
				case 4 ->
					assertThat(gifts.redeem(giftToken, id(16))).isInstanceOf(GiftRedemption.AlreadyRedeemed.class);
				case 5 -> changes.cancel(id(14));
				case 10 -> changes.cancel(id(8));
				case 20 -> changes.resume(id(8));
				case 40 -> changes.cancel(id(7));
				case 45 -> assertThat(
						planChanges.change(id(10), premium.code(), BillingInterval.MONTH, UUID.randomUUID(), null))
					.isInstanceOf(PlanChangeOutcome.Changed.class);
				case 100 ->
					assertThat(planChanges.change(id(9), basic.code(), BillingInterval.YEAR, UUID.randomUUID(), null))
						.isInstanceOf(PlanChangeOutcome.Changed.class);
				case 200 ->
					refunded = ((RefundOutcome.Refunded) changes.cancelNow(1, id(19), true).orElseThrow()).amount();
				default -> {
				}
			}
			if (day == fifthMemberDeclinedOn + 2) {
				assertThat(cards.replaceCard(id(5), member.get(5).email(), BillingFixtures.card(SandboxCards.SUCCEEDS)))
					.isInstanceOf(CardChange.Replaced.class);
			}
			run.runDue();
			if (fifthMemberDeclinedOn > day && status(5) == SubscriptionStatus.PAST_DUE) {
				fifthMemberDeclinedOn = day;
			}
		}

		// Charges per member, counted by hand: 14 monthly charges in 14 months (checkout
		// plus 13 renewals).
		Map<Integer, Long> expectedCharges = new HashMap<>();
		for (int i : List.of(1, 2, 3, 5, 8, 11, 12, 13, 20)) {
			expectedCharges.put(i, 14L);
		}
		expectedCharges.putAll(Map.of(4, 2L, 6, 1L, 7, 2L, 9, 5L, 10, 15L, 14, 0L, 18, 1L, 19, 1L));
		for (int i : List.of(15, 16, 17)) {
			expectedCharges.put(i, 0L);
		}
		for (int i = 1; i <= 20; i++) {
			assertThat(payments(i, "succeeded")).as("member %d's successful payments", i)
				.isEqualTo(expectedCharges.get(i));
		}
		assertThat(payments(5, "failed")).as("declined twice, then the new card paid").isEqualTo(2);
		assertThat(payments(6, "failed")).as("the first decline and four retries").isEqualTo(5);
		assertThat(amounts(11)).containsExactly(250L, 250L, 250L, 500L, 500L, 500L, 500L, 500L, 500L, 500L, 500L, 500L,
				500L, 500L);
		assertThat(amounts(12)).containsOnly(300L).hasSize(14);
		assertThat(amounts(18)).containsExactly(3000L);

		// The gateway charged exactly what the payments say, once each.
		String ours = "p.member_id = any(:members)";
		assertThat(count("select count(*) from billing.payment p where " + ours + " and p.status = 'succeeded'"))
			.isEqualTo(153);
		assertThat(
				count("""
						select count(*) from billing.payment p join billing.sandbox_charge c on c.idempotency_key = p.idempotency_key
						where %s and c.succeeded = (p.status = 'succeeded') and c.amount = p.amount
						"""
					.formatted(ours)))
			.isEqualTo(count("select count(*) from billing.payment p where " + ours));
		assertThat(count("""
				select count(distinct p.invoice_number) from billing.payment p
				where %s and p.status = 'succeeded' and p.invoice_number is not null
				""".formatted(ours))).isEqualTo(153);
		assertThat(refunded).isBetween(2200L, 2300L);
		assertThat(count("select coalesce(sum(p.refunded_amount), 0) from billing.payment p where " + ours))
			.isEqualTo(refunded);

		// Every payment of a subscription is in its event log once, and the log ends
		// where the subscription is.
		assertThat(count("""
				select count(*) from billing.payment p where %s and p.subscription_id is not null
				  and p.purpose <> 'gift'
				  and (select count(*) from billing.subscription_event e where e.payment_id = p.id) <> 1
				""".formatted(ours))).isZero();
		assertThat(count("""
				select count(*) from billing.subscription s where s.member_id = any(:members)
				  and s.status <> (select e.to_status from billing.subscription_event e where e.subscription_id = s.id
				                   order by e.occurred_at desc, e.id desc limit 1)
				""")).isZero();

		// Access to a paid article, and to one for the premium tier, as the paywall
		// decides it now.
		AccessPolicy policy = new AccessPolicy(Duration.ofDays(7));
		Set<Integer> reading = Set.of(1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 16, 20);
		for (int i = 1; i <= 20; i++) {
			var reader = policy.classify(entitlements.of(id(i)), clock.instant());
			assertThat(policy.decide(Visibility.paid(), reader).granted()).as("member %d reads paid articles", i)
				.isEqualTo(reading.contains(i));
			assertThat(policy.decide(Visibility.tiers(Set.of("premium")), reader).granted())
				.as("member %d reads premium articles", i)
				.isEqualTo(i == 10);
		}

		// Revenue: $5 × 8 monthly (1, 2, 3, 5, 8, 11, 13, 20) + $3 (12, two off forever)
		// + $10 (10, premium)
		// + $50/12 × 2 yearly (4, 9); comps, gifts and ended subscriptions count nothing.
		assertThat(revenue.mrr(clock.instant()))
			.containsExactly(new RevenueFigures.Amount(8 * 500 + 300 + 1000 + 2 * 417, "USD"));
		assertThat(revenue.activePaidMembers(clock.instant())).isEqualTo(12);
		List<RevenueFigures.Month> months = new ArrayList<>();
		for (YearMonth month = YearMonth.from(start.atZone(ZoneOffset.UTC)); !month
			.isAfter(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC))); month = month.plusMonths(1)) {
			months.add(revenue.month(month));
		}
		assertThat(months.stream().mapToLong(RevenueFigures.Month::newPaid).sum())
			.as("1-12, 19 and 20 paid at checkout, 13 after its trial")
			.isEqualTo(15);
		assertThat(months.stream().mapToLong(RevenueFigures.Month::churned).sum())
			.as("6 ran out of retries, 7 canceled, 19 canceled by staff; 14's trial never paid")
			.isEqualTo(3);
		assertThat(months.stream().mapToLong(RevenueFigures.Month::trialsStarted).sum()).isEqualTo(2);
		assertThat(months.stream().mapToLong(RevenueFigures.Month::trialsConverted).sum()).isEqualTo(1);
		assertThat(months.stream().mapToLong(RevenueFigures.Month::trialsLapsed).sum()).isEqualTo(1);
	}

	private void subscribe(int i, Plan plan, BillingInterval interval, String card, String coupon) {
		assertThat(checkout(i, plan, interval, card, coupon)).as("member %d subscribes", i)
			.isInstanceOf(CheckoutOutcome.Subscribed.class);
	}

	private CheckoutOutcome checkout(int i, Plan plan, BillingInterval interval, String card, String coupon) {
		return checkouts.checkout(new Checkout(id(i), member.get(i).email(), plan.code(), interval, UUID.randomUUID(),
				BillingFixtures.card(card), coupon));
	}

	private long id(int i) {
		return member.get(i).id();
	}

	private SubscriptionStatus status(int i) {
		return subscriptions.currentSubscription(id(i)).orElseThrow().status();
	}

	private long payments(int i, String status) {
		return jdbc.sql("select count(*) from billing.payment where member_id = :m and status = :status")
			.param("m", id(i))
			.param("status", status)
			.query(Long.class)
			.single();
	}

	private List<Long> amounts(int i) {
		return jdbc.sql("select amount from billing.payment where member_id = :m and status = 'succeeded' order by id")
			.param("m", id(i))
			.query(Long.class)
			.list();
	}

	private long count(String sql) {
		return jdbc.sql(sql)
			.param("members", member.values().stream().map(SignedInMember::id).toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	private static String code(String prefix) {
		return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

}
