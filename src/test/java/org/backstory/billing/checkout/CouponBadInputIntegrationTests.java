package org.backstory.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.BillingProbe;
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
 * Coupons that cannot be used: a clear message, nothing charged, nothing started, nothing
 * counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CouponBadInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	CouponService coupons;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	private long member;

	@BeforeEach
	void planAndMember() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		member = BillingFixtures.newMemberId();
	}

	@Test
	void anUnknownCodeIsRefusedBeforeAnythingIsCharged() {
		assertRefused(checkouts.checkout(checkout(member, "NO-SUCH-" + BillingFixtures.newCouponCode())),
				"No coupon with that code.");
	}

	@Test
	void anExpiredCouponIsRefused() {
		Coupon coupon = create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null));
		jdbc.sql("update billing.coupon set redeem_by = now() - interval '1 minute' where id = :id")
			.param("id", coupon.id())
			.update();

		assertRefused(checkouts.checkout(checkout(member, coupon.code())), "This coupon has expired.");
		assertThat(timesRedeemed(coupon)).isZero();
	}

	@Test
	void aDeactivatedCouponIsRefused() {
		Coupon coupon = create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null));
		coupons.deactivate(coupon.id());

		assertRefused(checkouts.checkout(checkout(member, coupon.code())), "This coupon is no longer valid.");
	}

	@Test
	void aUsedUpCouponIsRefused() {
		Coupon coupon = create(limited(1));
		assertThat(checkouts.checkout(checkout(BillingFixtures.newMemberId(), coupon.code())))
			.isInstanceOf(CheckoutOutcome.Subscribed.class);

		assertRefused(checkouts.checkout(checkout(member, coupon.code())), "This coupon has been used up.");
		assertThat(timesRedeemed(coupon)).isEqualTo(1);
	}

	@Test
	void aMemberCannotUseACouponTwice() {
		Coupon coupon = create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null));
		checkouts.checkout(checkout(member, coupon.code()));
		jdbc.sql("update billing.subscription set status = 'expired', due_at = null where member_id = :m")
			.param("m", member)
			.update();

		CheckoutOutcome again = checkouts.checkout(checkout(member, coupon.code()));

		assertThat(again).isEqualTo(new CheckoutOutcome.CouponRefused("You have already used this coupon."));
		assertThat(timesRedeemed(coupon)).isEqualTo(1);
	}

	@Test
	void aCouponForAnotherPlanOrThatLeavesNothingToChargeIsRefused() {
		Plan other = catalog.createPlan(BillingFixtures.newPlan());
		Coupon elsewhere = create(new NewCoupon(BillingFixtures.newCouponCode(), "Other plan", 20, null, null,
				CouponDuration.ONCE, null, null, null, other.code()));
		Coupon everything = create(BillingFixtures.amountCoupon(500, CouponDuration.ONCE, null));

		assertRefused(checkouts.checkout(checkout(member, elsewhere.code())),
				"This coupon can't be used with this plan.");
		assertRefused(checkouts.checkout(checkout(member, everything.code())),
				"This coupon can't be used with this plan.");
	}

	@Test
	void membersRacingForTheLastRedemptionsNeverGetMoreThanTheLimit() throws Exception {
		Coupon coupon = create(limited(3));
		int racers = 8;
		CyclicBarrier start = new CyclicBarrier(racers);
		ExecutorService threads = Executors.newFixedThreadPool(racers);
		List<Future<CheckoutOutcome>> outcomes = new ArrayList<>();
		List<Long> racing = new ArrayList<>();
		try {
			for (int i = 0; i < racers; i++) {
				long racer = BillingFixtures.newMemberId();
				racing.add(racer);
				outcomes.add(threads.submit(() -> {
					start.await();
					return checkouts.checkout(checkout(racer, coupon.code()));
				}));
			}
			List<CheckoutOutcome> results = new ArrayList<>();
			for (Future<CheckoutOutcome> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}

			assertThat(results).filteredOn(CheckoutOutcome.Subscribed.class::isInstance).hasSize(3);
			assertThat(results).filteredOn(r -> !(r instanceof CheckoutOutcome.Subscribed))
				.containsOnly(new CheckoutOutcome.CouponRefused("This coupon has been used up."));
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(timesRedeemed(coupon)).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from billing.coupon_redemption where coupon_id = :id")
			.param("id", coupon.id())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from billing.payment
				where member_id in (:members) and status = 'succeeded' and discount_amount = 100
				""").param("members", racing).query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc
			.sql("select count(*) from billing.subscription where member_id in (:members) and status = 'active'")
			.param("members", racing)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void theCheckoutFormExplainsABadCodeAndKeepsWhatWasTyped() {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.reader(members, "badcoupon"), MemberFixtures.PASSWORD);
		String formPath = "/checkout/" + plan.code() + "?interval=month";

		Visitor.Page page = visitor.submit(formPath, "/checkout/" + plan.code(),
				Map.of("coupon", "NOPE", "nameOnCard", "Ada Reader", "cardNumber", SandboxCards.SUCCEEDS, "expiry",
						BillingFixtures.expiryField(), "cvc", "123"));

		assertThat(page.status()).isEqualTo(422);
		Document document = page.document();
		assertThat(document.select(".coupon-error").text()).isEqualTo("No coupon with that code.");
		assertThat(document.select("input[name=coupon]").val()).isEqualTo("NOPE");
		assertThat(document.select("input[name=nameOnCard]").val()).isEqualTo("Ada Reader");
		assertThat(document.select("input[name=cardNumber]").val()).isEmpty();
		assertThat(visitor.get(formPath + "&coupon=NOPE").document().select(".coupon-error").text())
			.isEqualTo("No coupon with that code.");
	}

	@Test
	void theCouponFieldComesBeforeThePayButton() {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.reader(members, "couponplace"), MemberFixtures.PASSWORD);

		Document document = visitor.get("/checkout/" + plan.code() + "?interval=month").document();

		List<String> formsInOrder = document.select("section.checkout form").eachAttr("class");
		assertThat(formsInOrder).containsExactly("coupon-form", "stacked card-form");
		assertThat(document.select("form.coupon-form label").text()).startsWith("Coupon code");
	}

	private void assertRefused(CheckoutOutcome outcome, String message) {
		assertThat(outcome).isEqualTo(new CheckoutOutcome.CouponRefused(message));
		assertThat(rows("billing.subscription")).isZero();
		assertThat(rows("billing.payment")).isZero();
		assertThat(rows("billing.card")).isZero();
		assertThat(rows("billing.coupon_redemption")).isZero();
	}

	private Coupon create(NewCoupon coupon) {
		return coupons.create(coupon).orElseThrow();
	}

	private static NewCoupon limited(int redemptions) {
		return new NewCoupon(BillingFixtures.newCouponCode(), "Limited", 20, null, null, CouponDuration.ONCE, null,
				null, redemptions, null);
	}

	private Checkout checkout(long who, String couponCode) {
		return new Checkout(who, "m" + who + "@billing.test", plan.code(), BillingInterval.MONTH, UUID.randomUUID(),
				BillingFixtures.card(SandboxCards.SUCCEEDS), couponCode);
	}

	private int timesRedeemed(Coupon coupon) {
		return BillingProbe.timesRedeemed(jdbc, coupon.id());
	}

	private long rows(String table) {
		return BillingProbe.rowsFor(jdbc, table, member);
	}

}
