package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.CookieCsrf.cookieCsrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.members.SignedInMember;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckoutControllerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	Entitlements entitlements;

	@Autowired
	JdbcClient jdbc;

	private MockMvcTester mvc;

	private Plan plan;

	private SignedInMember member;

	@BeforeEach
	void setUp() {
		mvc = MockMvcTester.from(context, builder -> builder.apply(springSecurity()).build());
		plan = catalog.createPlan(BillingFixtures.newPlan());
		member = BillingFixtures.newMember();
	}

	@Test
	void anAnonymousReaderIsSentToLogIn() {
		Visitor.Page page = new Visitor(port).get("/checkout/" + plan.code() + "?interval=month");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location"))
			.endsWith("/login?next=%2Fcheckout%2F" + plan.code() + "%3Finterval%3Dmonth");
	}

	@Test
	void theFormAsksForTheCardAndCarriesAFreshAttempt() {
		MvcTestResult result = mvc.get()
			.uri("/checkout/{plan}?interval=year&next=/p/story", plan.code())
			.with(BillingFixtures.signedIn(member))
			.exchange();

		assertThat(result).hasStatusOk().headers().hasValue("Cache-Control", "private, no-store");
		Document page = html(result);
		assertThat(page.select("h1").text()).contains(plan.name());
		assertThat(page.text()).contains("$50.00 per year");
		var form = page.selectFirst("form[action=/checkout/" + plan.code() + "]:not([method=get])");
		assertThat(form).isNotNull();
		assertThat(form.select("input[name=nameOnCard], input[name=cardNumber], input[name=expiry], input[name=cvc]"))
			.hasSize(4);
		assertThat(form.select("input[name=interval]").val()).isEqualTo("year");
		assertThat(form.select("input[name=next]").val()).isEqualTo("/p/story");
		assertThat(form.select("input[name=_csrf]")).hasSize(1);
		assertThat(UUID.fromString(form.select("input[name=attempt]").val())).isNotEqualTo(attemptOnANewForm());
	}

	@Test
	void payingWithTheTestCardSubscribesAndShowsTheAccount() {
		assertThat(pay(UUID.randomUUID(), SandboxCards.SUCCEEDS, null)).hasStatus(HttpStatus.SEE_OTHER)
			.hasRedirectedUrl("/account");

		assertThat(entitlements.of(member.id()).status()).isEqualTo(Entitlement.Status.ACTIVE);
		assertThat(count("billing.card")).isEqualTo(1);
		assertThat(count("billing.payment")).isEqualTo(1);
	}

	@Test
	void afterPayingTheReaderGoesBackToWhereTheyCameFrom() {
		assertThat(pay(UUID.randomUUID(), SandboxCards.SUCCEEDS, "/p/the-thaw?ref=box"))
			.hasRedirectedUrl("/p/the-thaw?ref=box");
	}

	@Test
	void aNextPointingElsewhereIsIgnored() {
		assertThat(pay(UUID.randomUUID(), SandboxCards.SUCCEEDS, "https://evil.test/")).hasRedirectedUrl("/account");
	}

	@Test
	void aDeclinedCardSaysSoAndCreatesNothing() {
		UUID attempt = UUID.randomUUID();

		MvcTestResult result = pay(attempt, SandboxCards.DECLINED, null);

		assertThat(result).hasStatus(HttpStatus.PAYMENT_REQUIRED);
		Document page = html(result);
		assertThat(page.select("p.error").text()).contains("Your card was declined.");
		assertThat(page.select("input[name=cardNumber]").val()).isEmpty();
		assertThat(page.select("input[name=nameOnCard]").val()).isEqualTo("Ada Reader");
		assertThat(page.select("input[name=attempt]").val()).isNotEqualTo(attempt.toString());
		assertThat(count("billing.subscription")).isZero();
		assertThat(count("billing.card")).isZero();
		assertThat(entitlements.of(member.id())).isEqualTo(Entitlement.none());
	}

	@Test
	void aDoubleSubmitOfTheSameFormChargesOnce() {
		UUID attempt = UUID.randomUUID();

		assertThat(pay(attempt, SandboxCards.SUCCEEDS, null)).hasRedirectedUrl("/account");
		assertThat(pay(attempt, SandboxCards.SUCCEEDS, null)).hasRedirectedUrl("/account");

		assertThat(count("billing.payment")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from billing.sandbox_charge where idempotency_key like :key")
			.param("key", "%" + attempt)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void missingFieldsAreNamedAndNothingReachesTheGateway() {
		long cardsBefore = sandboxCards();

		MvcTestResult result = mvc.post()
			.uri("/checkout/{plan}", plan.code())
			.with(BillingFixtures.signedIn(member))
			.with(cookieCsrf())
			.param("attempt", UUID.randomUUID().toString())
			.param("interval", "month")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(html(result).select("p.field-error").eachText()).containsExactly("Enter the name on the card.",
				"Enter your card number.", "Enter the expiry date as MM/YY.", "Enter the security code (CVC).");
		assertThat(sandboxCards()).isEqualTo(cardsBefore);
		assertThat(count("billing.subscription")).isZero();
	}

	@Test
	void aPastExpiryOrBadNumberIsExplained() {
		MvcTestResult result = post(UUID.randomUUID(), "4242 4242 4242 4241", "01/20", "Ada", null);

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(html(result).select("p.field-error").eachText())
			.containsExactly("That card number isn't valid. Check it and try again.", "That card has expired.");
	}

	@Test
	void oversizedFieldsAreRefusedWithAMessage() {
		MvcTestResult result = post(UUID.randomUUID(), SandboxCards.SUCCEEDS, BillingFixtures.expiryField(),
				"A".repeat(5000), null);

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(html(result).select("p.field-error").text())
			.isEqualTo("The name on the card can be at most 100 characters.");
		assertThat(count("billing.subscription")).isZero();
	}

	@Test
	void aPostWithoutCsrfTokenIsForbidden() {
		assertThat(mvc.post()
			.uri("/checkout/{plan}", plan.code())
			.with(BillingFixtures.signedIn(member))
			.param("attempt", UUID.randomUUID().toString())
			.param("cardNumber", SandboxCards.SUCCEEDS)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(count("billing.subscription")).isZero();
	}

	@Test
	void unknownPlansBadIntervalsAndMalformedAttemptsAreRefused() {
		assertThat(mvc.get().uri("/checkout/no-such-plan").with(BillingFixtures.signedIn(member)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/checkout/{plan}?interval=week", plan.code()).with(BillingFixtures.signedIn(member)))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post()
			.uri("/checkout/{plan}", plan.code())
			.with(BillingFixtures.signedIn(member))
			.with(cookieCsrf())
			.param("attempt", "not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aSubscribedMemberIsSentToTheirAccountInsteadOfPayingAgain() {
		pay(UUID.randomUUID(), SandboxCards.SUCCEEDS, null);

		assertThat(mvc.get().uri("/checkout/{plan}", plan.code()).with(BillingFixtures.signedIn(member)))
			.hasRedirectedUrl("/account");
		assertThat(pay(UUID.randomUUID(), SandboxCards.SUCCEEDS, null)).hasRedirectedUrl("/account");
		assertThat(count("billing.payment")).isEqualTo(1);
	}

	private MvcTestResult pay(UUID attempt, String number, String next) {
		return post(attempt, number, BillingFixtures.expiryField(), "Ada Reader", next);
	}

	private MvcTestResult post(UUID attempt, String number, String expiry, String name, String next) {
		var request = mvc.post()
			.uri("/checkout/{plan}", plan.code())
			.with(BillingFixtures.signedIn(member))
			.with(cookieCsrf())
			.param("attempt", attempt.toString())
			.param("interval", "month")
			.param("nameOnCard", name)
			.param("cardNumber", number)
			.param("expiry", expiry)
			.param("cvc", "123");
		if (next != null) {
			request.param("next", next);
		}
		return request.exchange();
	}

	private UUID attemptOnANewForm() {
		MvcTestResult result = mvc.get()
			.uri("/checkout/{plan}", plan.code())
			.with(BillingFixtures.signedIn(member))
			.exchange();
		return UUID.fromString(html(result).select("input[name=attempt]").val());
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table + " where member_id = :m")
			.param("m", member.id())
			.query(Long.class)
			.single();
	}

	private long sandboxCards() {
		return jdbc.sql("select count(*) from billing.sandbox_card").query(Long.class).single();
	}

	static Document html(MvcTestResult result) {
		try {
			return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
