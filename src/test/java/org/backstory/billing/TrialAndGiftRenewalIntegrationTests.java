package org.backstory.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.backstory.OwnDatabase;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.Coupon;
import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.CouponService;
import org.backstory.billing.gift.GiftPurchase;
import org.backstory.billing.gift.GiftRedemption;
import org.backstory.billing.gift.GiftService;
import org.backstory.email.SentMail;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * What the renewal run makes of trials, coupon terms and gifts over simulated weeks: the
 * terms copied at checkout and the run's charges agree.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase("billing_offers_renewals")
class TrialAndGiftRenewalIntegrationTests extends BillingClockTestSupport {

	@Autowired
	CouponService coupons;

	@Autowired
	GiftService gifts;

	@Autowired
	Entitlements entitlements;

	private SignedInMember member;

	@BeforeEach
	void newMember() {
		member = BillingFixtures.registeredMember(members);
	}

	@Test
	void aTrialWithAOnceCouponIsChargedTheDiscountAtItsEndAndTheFullPriceAfter() {
		Plan plan = catalog.createPlan(BillingFixtures.newTrialPlan(14));
		Coupon coupon = coupons.create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null)).orElseThrow();
		checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS), coupon.code()));

		clock.advance(Duration.ofDays(14).plusMinutes(1));
		run.runDue();

		assertThat(entitlements.of(member.id()).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(payments()).containsExactly("renewal succeeded 400 of 500");

		clock.advance(Duration.ofDays(31));
		run.runDue();

		assertThat(payments()).containsExactly("renewal succeeded 400 of 500", "renewal succeeded 500 of 500");
		assertThat(events()).containsExactly("null>incomplete checkout_started", "incomplete>trialing trial_started",
				"trialing>trialing coupon_applied", "trialing>active renewed 400", "active>active renewed 500");
	}

	@Test
	void aForeverCouponDiscountsEveryRenewal() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		Coupon coupon = coupons.create(BillingFixtures.amountCoupon(125, CouponDuration.FOREVER, null)).orElseThrow();
		checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS), coupon.code()));

		for (int month = 0; month < 3; month++) {
			clock.advance(Duration.ofDays(32));
			run.runDue();
		}

		assertThat(payments()).containsExactly("checkout succeeded 375 of 500", "renewal succeeded 375 of 500",
				"renewal succeeded 375 of 500", "renewal succeeded 375 of 500");
	}

	@Test
	void aRedeemedGiftEndsAtItsEndWithoutCharging() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String recipient = "giftee" + member.id() + "@billing.test";
		gifts.purchase(new GiftPurchase(BillingFixtures.newMemberId(), "buyer@billing.test", "Ada Giver", plan.code(),
				1, recipient, null, UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS)));
		String token = SentMail.lastTo(jdbc, recipient).path("/gift/redeem/").substring("/gift/redeem/".length());
		assertThat(gifts.redeem(token, member.id())).isInstanceOf(GiftRedemption.Redeemed.class);

		clock.advance(Duration.ofDays(32));
		run.runDue();

		assertThat(entitlements.of(member.id()).status()).isEqualTo(Entitlement.Status.EXPIRED);
		assertThat(payments()).isEmpty();
		assertThat(events()).containsExactly("null>active gift_redeemed", "active>expired period_ended");
	}

	private List<String> payments() {
		return jdbc.sql("""
				select purpose || ' ' || status || ' ' || amount || ' of ' || list_amount from billing.payment
				where member_id = :m order by id
				""").param("m", member.id()).query(String.class).list();
	}

	private List<String> events() {
		return BillingProbe.historyOf(jdbc, member.id());
	}

}
