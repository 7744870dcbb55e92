package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.checkout.CouponRefusal;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The owner's coupons page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CouponAdminIntegrationTests {

	private static final String PATH = "/admin/billing/coupons";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	JdbcClient jdbc;

	private Visitor owner;

	@BeforeEach
	void signInTheOwner() {
		owner = new Visitor(port);
		owner.signIn(MemberFixtures.account(members, "owner", MemberRole.OWNER), MemberFixtures.PASSWORD);
	}

	@Test
	void theOwnerCreatesACouponAndSeesItListed() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String code = BillingFixtures.newCouponCode();

		Visitor.Page created = create(Map.of("code", code, "name", "Spring sale", "kind", "amount", "amountOff", "2.50",
				"currency", "USD", "duration", "repeating", "durationMonths", "3", "redeemBy", "2099-12-31",
				"maxRedemptions", "100", "plan", plan.code()));

		assertThat(created.status()).isEqualTo(303);
		Document page = owner.get(PATH).document();
		assertThat(page.select("p.notice").text()).isEqualTo("Coupon " + code + " created.");
		Element row = page.selectFirst("table.coupons tr:has(code:containsOwn(" + code + "))");
		assertThat(row).isNotNull();
		assertThat(row.select("td").eachText()).containsExactly(code, "Spring sale", "$2.50 off for 3 months",
				"0 of 100", "through 31 December 2099", plan.code(), "Deactivate");
		assertThat(
				jdbc.sql("select amount_off || ' ' || currency || ' ' || redeem_by from billing.coupon where code = :c")
					.param("c", code)
					.query(String.class)
					.single())
			.isEqualTo("250 USD 2100-01-01 00:00:00+00");
	}

	@Test
	void aCodeTakenInAnyCaseIsRefused() {
		String code = BillingFixtures.newCouponCode();
		create(percent(code, "20"));

		Visitor.Page again = create(percent(code.toLowerCase(), "30"));

		assertThat(again.status()).isEqualTo(422);
		assertThat(again.document().select("p.field-error").text())
			.isEqualTo("A coupon with this code already exists.");
		assertThat(jdbc.sql("select count(*) from billing.coupon where lower(code) = lower(:c)")
			.param("c", code)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badValuesAreExplainedAndNothingIsCreated() {
		String code = BillingFixtures.newCouponCode();

		Visitor.Page tooMuch = create(percent(code, "150"));
		Map<String, String> repeating = new HashMap<>(percent(code, "20"));
		repeating.put("duration", "repeating");
		Visitor.Page noMonths = create(repeating);
		Map<String, String> past = new HashMap<>(percent(code, "20"));
		past.put("redeemBy", "2001-01-01");
		Visitor.Page expired = create(past);

		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.document().select("p.error").text())
			.isEqualTo("Percent off must be 1 to 99. Free access is a comp, not a coupon.");
		assertThat(tooMuch.document().select("input[name=code]").val()).isEqualTo(code);
		assertThat(noMonths.document().select("p.field-error").text()).isEqualTo("Enter the number of months.");
		assertThat(expired.document().select("p.error").text()).isEqualTo("The expiry must be in the future.");
		assertThat(jdbc.sql("select count(*) from billing.coupon where code = :c")
			.param("c", code)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDeactivatedCouponCanNoLongerBeRedeemed() {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String code = BillingFixtures.newCouponCode();
		create(percent(code, "20"));
		long id = jdbc.sql("select id from billing.coupon where code = :c").param("c", code).query(Long.class).single();

		Visitor.Page deactivated = owner.submit(PATH, PATH + "/" + id + "/deactivate", Map.of());

		assertThat(deactivated.status()).isEqualTo(303);
		assertThat(owner.get(PATH).document().selectFirst("tr:has(code:containsOwn(" + code + "))").text())
			.endsWith("inactive");
		assertThat(checkouts.quote(BillingFixtures.newMemberId(), plan.code(), BillingInterval.MONTH, code)
			.orElseThrow()
			.couponRefusal()).isEqualTo(CouponRefusal.DEACTIVATED);
	}

	@Test
	void otherStaffAndMembersMayNotOpenIt() {
		Visitor editor = new Visitor(port);
		editor.signIn(MemberFixtures.account(members, "editor", MemberRole.EDITOR), MemberFixtures.PASSWORD);
		Visitor reader = new Visitor(port);
		reader.signIn(MemberFixtures.reader(members, "reader"), MemberFixtures.PASSWORD);

		assertThat(editor.get(PATH).status()).isEqualTo(403);
		assertThat(reader.get(PATH).status()).isEqualTo(403);
		assertThat(new Visitor(port).get(PATH).status()).isEqualTo(302);
	}

	private Visitor.Page create(Map<String, String> fields) {
		return owner.submit(PATH, PATH, fields);
	}

	private static Map<String, String> percent(String code, String percent) {
		return Map.of("code", code, "name", "Test", "kind", "percent", "percentOff", percent, "duration", "once");
	}

}
