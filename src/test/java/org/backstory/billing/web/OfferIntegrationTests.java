package org.backstory.billing.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Offers over HTTP: the owner creates one, a reader lands on {@code /offer/<code>}, goes
 * through to a checkout with the offer applied and pays the discounted price or starts
 * the offer's trial; redemptions and views are counted; archived offers and bad input are
 * explained.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfferIntegrationTests {

	private static final String ADMIN = "/admin/billing/offers";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	private Visitor owner;

	private Plan plan;

	@BeforeEach
	void signInTheOwnerAndMakeAPlan() {
		owner = new Visitor(port);
		owner.signIn(MemberFixtures.account(members, "owner", MemberRole.OWNER), MemberFixtures.PASSWORD);
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void aReaderLandsOnADiscountOfferAndPaysTheDiscountedPriceOnce() {
		String code = newCode();
		assertThat(create(discount(code, "50", "once")).status()).isEqualTo(303);

		Document anonymous = new Visitor(port).get("/offer/" + code).document();
		assertThat(anonymous.select("h1").text()).isEqualTo("Spring sale");
		assertThat(anonymous.select(".offer-text").text()).isEqualTo("Half price to start.");
		assertThat(anonymous.select(".offer-terms").text()).isEqualTo("Test supporter: 50% off the first payment");
		assertThat(anonymous.select(".offer-price s").text()).isEqualTo("$5.00/month");
		assertThat(anonymous.select(".offer-price strong").text()).isEqualTo("$2.50");
		assertThat(anonymous.select(".offer-landing a.button").attr("href")).startsWith("/signup?next=");

		Readers.Reader reader = Readers.signedIn(port, members, MemberRole.MEMBER);
		Visitor.Page landing = reader.visitor().get("/offer/" + code);
		String checkout = landing.document().select(".offer-landing a.button").attr("href");
		assertThat(checkout).isEqualTo("/checkout/" + plan.code() + "?interval=month&offer=" + code);
		Document form = reader.visitor().get(checkout).document();
		assertThat(form.select(".offer-applied").text())
			.isEqualTo("Spring sale: 50% off the first payment. $2.50 instead of $5.00.");
		assertThat(form.select("form.card-form button[type=submit]").text()).isEqualTo("Pay $2.50 and subscribe");
		assertThat(form.select("form.coupon-form")).as("an offer takes the coupon field's place").isEmpty();

		Map<String, String> card = card(SandboxCards.SUCCEEDS);
		String attempt = form.select("input[name=attempt]").val();
		Visitor.Page paid = reader.visitor().submit(checkout, "/checkout/" + plan.code(), card);
		// The same form again (a double click, a reload): its hidden fields and CSRF
		// token
		// as the browser still has them.
		Map<String, String> again = new HashMap<>(card);
		form.select("form.card-form input[type=hidden]").forEach(input -> again.put(input.attr("name"), input.val()));
		assertThat(again).containsEntry("attempt", attempt).containsEntry("offer", code);
		Visitor.Page resubmitted = reader.visitor().post("/checkout/" + plan.code(), again);

		assertThat(paid.status()).isEqualTo(303);
		assertThat(resubmitted.status()).isEqualTo(303);
		assertThat(jdbc.sql("select amount from billing.payment where member_id = :m")
			.param("m", reader.id())
			.query(Long.class)
			.list()).as("one charge, discounted").containsExactly(250L);
		assertThat(jdbc.sql("select percent_off || ' ' || status from billing.subscription where member_id = :m")
			.param("m", reader.id())
			.query(String.class)
			.single()).isEqualTo("50 active");
		assertThat(redemptions(code)).isEqualTo(1);
		Element row = owner.get(ADMIN)
			.document()
			.selectFirst("table.offers tr:has(code:containsOwn(/offer/" + code + "))");
		assertThat(row).isNotNull();
		assertThat(row.select("td").eachText()).startsWith("Spring sale /offer/" + code, "Test supporter, monthly",
				"50% off the first payment", "2", "1", "50%");
		Element onTheDashboard = owner.get("/admin/dashboard")
			.document()
			.selectFirst("#offers tr:has(a[href=/offer/" + code + "])");
		assertThat(onTheDashboard).isNotNull();
		assertThat(onTheDashboard.select("td").eachText()).containsExactly("Spring sale", "2", "1", "50%");
	}

	@Test
	void aTrialOfferStartsATrialOfItsOwnLength() {
		String code = newCode();
		Map<String, String> trial = new HashMap<>(discount(code, "", "once"));
		trial.put("kind", "trial");
		trial.put("trialDays", "30");
		create(trial);
		Readers.Reader reader = Readers.signedIn(port, members, MemberRole.MEMBER);
		String checkout = reader.visitor()
			.get("/offer/" + code)
			.document()
			.select(".offer-landing a.button")
			.attr("href");
		Document form = reader.visitor().get(checkout).document();
		assertThat(form.select(".offer-applied").text()).isEqualTo("Spring sale: 30 days free, then $5.00/month.");
		assertThat(form.select("form.card-form button[type=submit]").text()).isEqualTo("Start your free trial");

		Visitor.Page started = reader.visitor()
			.submit(checkout, "/checkout/" + plan.code(), card(SandboxCards.SUCCEEDS));

		assertThat(started.status()).isEqualTo(303);
		Instant trialEnd = jdbc
			.sql("select trial_end from billing.subscription where member_id = :m and status = 'trialing'")
			.param("m", reader.id())
			.query(Instant.class)
			.single();
		assertThat(trialEnd).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(5)));
		assertThat(jdbc.sql("select count(*) from billing.payment where member_id = :m")
			.param("m", reader.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(redemptions(code)).isEqualTo(1);
	}

	@Test
	void anArchivedOfferSaysItIsNoLongerAvailableAndCannotBeTaken() {
		String code = newCode();
		create(discount(code, "20", "forever"));
		Readers.Reader reader = Readers.signedIn(port, members, MemberRole.MEMBER);
		String checkout = reader.visitor()
			.get("/offer/" + code)
			.document()
			.select(".offer-landing a.button")
			.attr("href");

		assertThat(owner.submit(ADMIN, ADMIN + "/" + code + "/archive", Map.of()).status()).isEqualTo(303);

		Visitor.Page landing = new Visitor(port).get("/offer/" + code);
		assertThat(landing.status()).isEqualTo(410);
		assertThat(landing.document().select(".offer-ended").text()).startsWith("This offer is no longer available.");
		Document form = reader.visitor().get(checkout).document();
		assertThat(form.select(".offer-error").text()).startsWith("This offer is no longer available.");
		Visitor.Page refused = reader.visitor()
			.submit(checkout, "/checkout/" + plan.code(), card(SandboxCards.SUCCEEDS));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(jdbc.sql("select count(*) from billing.payment where member_id = :m")
			.param("m", reader.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(owner.get(ADMIN).document().selectFirst("tr:has(code:containsOwn(/offer/" + code + "))").text())
			.endsWith("archived");
	}

	@Test
	void anOffersCouponIsTakenOnlyThroughItsPageForItsInterval() {
		String code = newCode();
		create(discount(code, "50", "forever"));
		Readers.Reader reader = Readers.signedIn(port, members, MemberRole.MEMBER);

		Document typed = reader.visitor().get("/checkout/" + plan.code() + "?interval=month&coupon=" + code).document();
		Document yearly = reader.visitor().get("/checkout/" + plan.code() + "?interval=year&offer=" + code).document();

		assertThat(typed.select(".coupon-error").text()).isEqualTo("No coupon with that code.");
		assertThat(yearly.select(".offer-error").text())
			.startsWith("This offer is for another plan or billing interval.");
		assertThat(new Visitor(port).get("/offer/no-such-offer").status()).isEqualTo(404);
	}

	@Test
	void badInputIsExplainedAndNothingIsCreated() {
		String code = newCode();

		Visitor.Page badCode = create(discount("Not a slug!", "20", "once"));
		Visitor.Page tooMuch = create(discount(code, "150", "once"));
		Map<String, String> noDays = new HashMap<>(discount(code, "", "once"));
		noDays.put("kind", "trial");
		Visitor.Page noTrialDays = create(noDays);
		Map<String, String> amount = new HashMap<>(discount(code, "", "once"));
		amount.put("kind", "amount");
		amount.put("amountOff", "5.00");
		Visitor.Page wholePrice = create(amount);
		Map<String, String> untitled = new HashMap<>(discount(code, "20", "once"));
		untitled.put("title", " ");
		Visitor.Page noTitle = create(untitled);

		assertThat(badCode.status()).isEqualTo(422);
		assertThat(badCode.document().select("p.field-error").text())
			.isEqualTo("The code must be 1 to 40 letters, digits or dashes, starting with a letter or digit.");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.document().select("p.error").text())
			.isEqualTo("Percent off must be 1 to 99. Free access is a comp, not a coupon.");
		assertThat(noTrialDays.document().select("p.field-error").text())
			.isEqualTo("Enter the free days as a whole number.");
		assertThat(wholePrice.status()).isEqualTo(422);
		assertThat(wholePrice.document().select("p.error").text())
			.isEqualTo("The amount off must be below the price, $5.00. Free access is a comp.");
		assertThat(noTitle.document().select("p.field-error").text())
			.isEqualTo("The title must be 1 to 80 characters.");
		assertThat(jdbc.sql("select count(*) from billing.offer where code = :c")
			.param("c", code)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from billing.coupon where code = :c")
			.param("c", code)
			.query(Long.class)
			.single()).as("no coupon is left behind either").isZero();

		create(discount(code, "20", "once"));
		Visitor.Page taken = create(discount(code, "30", "once"));
		assertThat(taken.status()).isEqualTo(422);
		assertThat(taken.document().select("p.field-error").text())
			.isEqualTo("An offer or a coupon with this code already exists.");
	}

	@Test
	void theOwnerEditsTheTitleAndText() {
		String code = newCode();
		create(discount(code, "20", "once"));

		Visitor.Page saved = owner.submit(ADMIN + "/" + code, ADMIN + "/" + code,
				Map.of("title", "Autumn sale", "description", "A fifth off."));
		Visitor.Page blank = owner.submit(ADMIN + "/" + code, ADMIN + "/" + code, Map.of("title", ""));

		assertThat(saved.status()).isEqualTo(303);
		Document landing = new Visitor(port).get("/offer/" + code).document();
		assertThat(landing.select("h1").text()).isEqualTo("Autumn sale");
		assertThat(landing.select(".offer-text").text()).isEqualTo("A fifth off.");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.document().select("p.error").text()).isEqualTo("The title must be 1 to 80 characters.");
	}

	private Visitor.Page create(Map<String, String> fields) {
		return owner.submit(ADMIN, ADMIN, fields);
	}

	private Map<String, String> discount(String code, String percent, String duration) {
		return Map.of("code", code, "title", "Spring sale", "description", "Half price to start.", "plan", plan.code(),
				"interval", "month", "kind", "percent", "percentOff", percent, "currency", "USD", "duration", duration);
	}

	private static Map<String, String> card(String number) {
		return Map.of("nameOnCard", "Ada Reader", "cardNumber", number, "expiry", BillingFixtures.expiryField(), "cvc",
				"123");
	}

	private long redemptions(String code) {
		return jdbc.sql("""
				select count(*) from billing.offer_redemption r join billing.offer o on o.id = r.offer_id
				where o.code = :c and r.status = 'redeemed'
				""").param("c", code).query(Long.class).single();
	}

	private static String newCode() {
		return "o-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
	}

}
