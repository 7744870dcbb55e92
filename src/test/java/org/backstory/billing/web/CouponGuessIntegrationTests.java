package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.backstory.AllAtOnce;
import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.Coupon;
import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.CouponService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Coupon codes cannot be guessed: wrong codes typed at checkout count per member and per
 * IP, past the limit no code is checked (429), and a right code never counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CouponGuessIntegrationTests {

	private static final String WRONG = "No coupon with that code.";

	private static final String TOO_MANY = "Too many wrong coupon codes. Try again in a few minutes.";

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CouponService coupons;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	private Coupon coupon;

	@BeforeEach
	void planAndCoupon() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		coupon = coupons.create(BillingFixtures.percentCoupon(20, CouponDuration.ONCE, null)).orElseThrow();
	}

	@Test
	void pastTenWrongCodesNoCodeIsCheckedNotEvenTheRightOne() {
		String email = MemberFixtures.reader(members, "guesser");
		Visitor visitor = signedIn(email);
		for (int i = 0; i < 10; i++) {
			Visitor.Page guess = quote(visitor, BillingFixtures.newCouponCode());
			assertThat(guess.status()).isEqualTo(200);
			assertThat(guess.document().select(".coupon-error").text()).isEqualTo(WRONG);
		}

		Visitor.Page eleventh = quote(visitor, BillingFixtures.newCouponCode());
		Visitor.Page right = quote(visitor, coupon.code());
		Visitor.Page paid = visitor.submit(form(), "/checkout/" + plan.code(),
				Map.of("coupon", coupon.code(), "nameOnCard", "Ada Reader", "cardNumber", SandboxCards.SUCCEEDS,
						"expiry", BillingFixtures.expiryField(), "cvc", "123"));

		assertThat(eleventh.status()).isEqualTo(429);
		assertThat(eleventh.document().select(".coupon-error").text()).isEqualTo(TOO_MANY);
		assertThat(right.status()).isEqualTo(429);
		assertThat(right.document().select(".coupon-error").text()).isEqualTo(TOO_MANY);
		assertThat(right.document().select(".coupon-applied")).isEmpty();
		assertThat(right.document().select("input[name=coupon]").val()).isEqualTo(coupon.code());
		assertThat(paid.status()).isEqualTo(429);
		assertThat(payments(email)).isZero();
	}

	@Test
	void aRightCodeWorksBeforeTheLimitAndNeverCounts() {
		Visitor visitor = signedIn(MemberFixtures.reader(members, "honest"));
		for (int i = 0; i < 9; i++) {
			quote(visitor, BillingFixtures.newCouponCode());
		}

		Visitor.Page right = quote(visitor, coupon.code());
		Visitor.Page rightAgain = quote(visitor, coupon.code().toLowerCase());
		Visitor.Page tenthWrong = quote(visitor, BillingFixtures.newCouponCode());

		assertThat(right.status()).isEqualTo(200);
		assertThat(right.document().select(".coupon-applied").text()).startsWith("Coupon " + coupon.code());
		assertThat(rightAgain.status()).isEqualTo(200);
		assertThat(rightAgain.document().select(".coupon-applied")).hasSize(1);
		assertThat(tenthWrong.status()).as("the right codes did not count").isEqualTo(200);
		assertThat(tenthWrong.document().select(".coupon-error").text()).isEqualTo(WRONG);
		assertThat(quote(visitor, BillingFixtures.newCouponCode()).status()).isEqualTo(429);
	}

	@Test
	void fiftyParallelGuessesCheckAtMostTen() throws Exception {
		Visitor visitor = signedIn(MemberFixtures.reader(members, "burst"));
		List<Callable<Visitor.Page>> guesses = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String code = BillingFixtures.newCouponCode();
			guesses.add(() -> quote(visitor, code));
		}

		List<Visitor.Page> answers = AllAtOnce.run(guesses);

		assertThat(answers).filteredOn(page -> page.status() == 200)
			.hasSize(10)
			.allMatch(page -> page.document().select(".coupon-error").text().equals(WRONG));
		assertThat(answers).filteredOn(page -> page.status() == 429).hasSize(40);
	}

	@Test
	void thirtyWrongCodesFromOneIpStopEveryMemberThere() {
		String ip = new Visitor(port).clientIp();
		for (int member = 0; member < 3; member++) {
			Visitor visitor = signedIn(MemberFixtures.reader(members, "shared-ip"), ip);
			for (int i = 0; i < 10; i++) {
				assertThat(quote(visitor, BillingFixtures.newCouponCode()).status()).isEqualTo(200);
			}
		}
		String email = MemberFixtures.reader(members, "same-ip");

		assertThat(quote(signedIn(email, ip), coupon.code()).status()).isEqualTo(429);
		assertThat(quote(signedIn(email), coupon.code()).document().select(".coupon-applied"))
			.as("the same member from elsewhere")
			.hasSize(1);
	}

	private Visitor signedIn(String email) {
		return signedIn(new Visitor(port), email);
	}

	private Visitor signedIn(String email, String ip) {
		return signedIn(new Visitor(port, ip), email);
	}

	private static Visitor signedIn(Visitor visitor, String email) {
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

	private String form() {
		return "/checkout/" + plan.code() + "?interval=month";
	}

	private Visitor.Page quote(Visitor visitor, String code) {
		return visitor.get(form() + "&coupon=" + code);
	}

	private long payments(String email) {
		long memberId = members.findByEmail(email).orElseThrow().id();
		return jdbc.sql("select count(*) from billing.payment where member_id = :m")
			.param("m", memberId)
			.query(Long.class)
			.single();
	}

}
