package org.backstory.billing.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.BillingProbe;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.payment.PaymentGateway;
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
 * Coupons at checkout: the first charge is discounted and the coupon's terms are copied
 * onto the subscription.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CouponCheckoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	CheckoutSteps steps;

	@Autowired
	CouponService coupons;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PaymentGateway gateway;

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
	void aPercentCouponForOnceDiscountsTheFirstChargeAndEndsWithTheFirstPeriod() {
		Coupon coupon = create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null));

		CheckoutOutcome outcome = checkouts.checkout(checkout(coupon.code(), SandboxCards.SUCCEEDS));

		assertThat(outcome).isInstanceOf(CheckoutOutcome.Subscribed.class);
		assertThat(payment()).isEqualTo("succeeded 400 = 500 - 100");
		assertThat(terms()).isEqualTo(coupon.id() + " 20% null ends with the first period: true");
		assertThat(timesRedeemed(coupon)).isEqualTo(1);
		assertThat(events()).containsExactly("null>incomplete checkout_started", "incomplete>active first_payment 400",
				"active>active coupon_applied");
	}

	@Test
	void aFixedAmountForThreeMonthsIsCopiedWithTheEndOfTheThirdPeriod() {
		Coupon coupon = create(BillingFixtures.amountCoupon(150, CouponDuration.REPEATING, 3));

		checkouts.checkout(checkout(coupon.code(), SandboxCards.SUCCEEDS));

		assertThat(payment()).isEqualTo("succeeded 350 = 500 - 150");
		Instant periodStart = jdbc.sql("select period_start from billing.payment where member_id = :m")
			.param("m", member)
			.query(Instant.class)
			.single();
		assertThat(jdbc.sql("select discount_ends_at from billing.subscription where member_id = :m")
			.param("m", member)
			.query(Instant.class)
			.single()).isEqualTo(CouponDuration.REPEATING.discountEnd(periodStart, BillingInterval.MONTH, 3));
		assertThat(jdbc.sql("select amount_off from billing.subscription where member_id = :m")
			.param("m", member)
			.query(Long.class)
			.single()).isEqualTo(150);
	}

	@Test
	void aForeverCouponNeverEndsAndCountsInTheMonthlyValue() {
		Coupon coupon = create(BillingFixtures.percentCoupon(10, CouponDuration.FOREVER, null));

		checkouts.checkout(checkout(coupon.code(), SandboxCards.SUCCEEDS));

		assertThat(payment()).isEqualTo("succeeded 450 = 500 - 50");
		assertThat(terms()).isEqualTo(coupon.id() + " 10% null ends with the first period: null");
		assertThat(jdbc
			.sql("""
					select e.mrr_after from billing.subscription_event e join billing.subscription s on s.id = e.subscription_id
					where s.member_id = :m order by e.id desc limit 1
					""")
			.param("m", member)
			.query(Long.class)
			.single()).isEqualTo(450);
	}

	@Test
	void aCouponWithAFreeTrialStartsItsTermsWhenTheTrialEnds() {
		Plan trial = catalog.createPlan(BillingFixtures.newTrialPlan(7));
		Coupon coupon = create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null));
		assertThat(
				checkouts.quote(member, trial.code(), BillingInterval.MONTH, coupon.code()).orElseThrow().firstCharge())
			.isEqualTo(400);

		CheckoutOutcome outcome = checkouts.checkout(new Checkout(member, email(), trial.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS), coupon.code()));

		Instant trialEnd = ((CheckoutOutcome.TrialStarted) outcome).trialEnd();
		assertThat(jdbc.sql("select discount_ends_at from billing.subscription where member_id = :m")
			.param("m", member)
			.query(Instant.class)
			.single()).isEqualTo(BillingInterval.MONTH.periodEnd(trialEnd));
		assertThat(rows("billing.payment")).isZero();
		assertThat(timesRedeemed(coupon)).isEqualTo(1);
		assertThat(events()).containsExactly("null>incomplete checkout_started", "incomplete>trialing trial_started",
				"trialing>trialing coupon_applied");
	}

	@Test
	void aDeclinedFirstChargeGivesTheCouponBackAndTheMemberCanUseItAgain() {
		Coupon coupon = create(new NewCoupon(BillingFixtures.newCouponCode(), "Last one", 20, null, null,
				CouponDuration.ONCE, null, null, 1, null));
		Checkout declined = checkout(coupon.code(), SandboxCards.SUCCEEDS);
		steps.begin(declined, catalog.find(plan.code()).orElseThrow(), SandboxCards.VISA_CHARGES_FAIL, gateway.name());
		assertThat(timesRedeemed(coupon)).isEqualTo(1);

		assertThat(checkouts.checkout(declined)).isInstanceOf(CheckoutOutcome.Declined.class);

		assertThat(timesRedeemed(coupon)).isZero();
		assertThat(jdbc.sql("select count(*) from billing.coupon_redemption where member_id = :m")
			.param("m", member)
			.query(Long.class)
			.single()).isZero();
		assertThat(terms()).startsWith("null null% null");

		assertThat(checkouts.checkout(checkout(coupon.code(), SandboxCards.SUCCEEDS)))
			.isInstanceOf(CheckoutOutcome.Subscribed.class);
		assertThat(timesRedeemed(coupon)).isEqualTo(1);
		assertThat(jdbc.sql("select amount from billing.payment where member_id = :m and status = 'succeeded'")
			.param("m", member)
			.query(Long.class)
			.single()).isEqualTo(400);
	}

	@Test
	void theCheckoutPageShowsTheDiscountedPriceAndTheAccountTheDiscountedNextCharge() {
		Coupon coupon = create(BillingFixtures.percentCoupon(20, CouponDuration.FOREVER, null));
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.reader(members, "coupon"), MemberFixtures.PASSWORD);
		String formPath = "/checkout/" + plan.code() + "?interval=month&coupon=" + coupon.code().toLowerCase();

		Document form = visitor.get(formPath).document();

		assertThat(form.select(".coupon-applied").text())
			.isEqualTo("Coupon " + coupon.code() + ": 20% off every payment");
		assertThat(form.selectFirst("form.card-form").select("button").text()).isEqualTo("Pay $4.00 and subscribe");
		Visitor.Page paid = visitor.submit(formPath, "/checkout/" + plan.code(), Map.of("nameOnCard", "Ada Reader",
				"cardNumber", SandboxCards.SUCCEEDS, "expiry", BillingFixtures.expiryField(), "cvc", "123"));
		assertThat(paid.status()).isEqualTo(303);
		assertThat(visitor.get("/account").document().select(".account-next-charge").text())
			.isEqualTo("Next charge: $4.00 ($5.00 less $1.00 discount)");
	}

	private Coupon create(NewCoupon coupon) {
		return coupons.create(coupon).orElseThrow();
	}

	private Checkout checkout(String couponCode, String cardNumber) {
		return new Checkout(member, email(), plan.code(), BillingInterval.MONTH, UUID.randomUUID(),
				BillingFixtures.card(cardNumber), couponCode);
	}

	private String email() {
		return "m" + member + "@billing.test";
	}

	private String payment() {
		return jdbc.sql("""
				select status || ' ' || amount || ' = ' || list_amount || ' - ' || discount_amount
				from billing.payment where member_id = :m
				""").param("m", member).query(String.class).single();
	}

	/**
	 * Coupon id, percent, amount, and whether the discount ends with the current period
	 * (null: never).
	 */
	private String terms() {
		return jdbc
			.sql("""
					select coalesce(coupon_id::text, 'null') || ' ' || coalesce(percent_off::text, 'null') || '% '
					       || coalesce(amount_off::text, 'null')
					       || ' ends with the first period: ' || coalesce((discount_ends_at = current_period_end)::text, 'null')
					from billing.subscription where member_id = :m
					""")
			.param("m", member)
			.query(String.class)
			.single();
	}

	private int timesRedeemed(Coupon coupon) {
		return BillingProbe.timesRedeemed(jdbc, coupon.id());
	}

	private long rows(String table) {
		return BillingProbe.rowsFor(jdbc, table, member);
	}

	private List<String> events() {
		return BillingProbe.historyOf(jdbc, member);
	}

}
