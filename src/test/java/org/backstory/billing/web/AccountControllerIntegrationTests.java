package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backstory.CookieCsrf.cookieCsrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.card.CardService;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.billing.payment.CardOnFile;
import org.backstory.members.MemberDirectory;
import org.backstory.members.SignedInMember;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountControllerIntegrationTests {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	CardService cards;

	@Autowired
	MemberDirectory members;

	private MockMvcTester mvc;

	private Plan plan;

	private SignedInMember member;

	@BeforeEach
	void setUp() {
		mvc = MockMvcTester.from(context, builder -> builder.apply(springSecurity()).build());
		plan = catalog.createPlan(BillingFixtures.newPlan());
		member = BillingFixtures.registeredMember(members);
	}

	@Test
	void anAnonymousReaderIsSentToLogIn() {
		Visitor visitor = new Visitor(port);

		assertThat(visitor.get("/account").header("Location")).endsWith("/login?next=%2Faccount");
		assertThat(visitor.get("/account/card").header("Location")).endsWith("/login?next=%2Faccount%2Fcard");
	}

	@Test
	void aFreeMemberSeesTheirProfileLinksAndAnInvitationToSubscribe() {
		MvcTestResult result = mvc.get().uri("/account").with(BillingFixtures.signedIn(member)).exchange();

		assertThat(result).hasStatusOk().headers().hasValue("Cache-Control", "private, no-store");
		Document page = CheckoutControllerIntegrationTests.html(result);
		assertThat(page.select(".account-profile dd").eachText()).containsExactly(member.name(), member.email());
		assertThat(page.select(".account-profile a").eachAttr("href")).containsExactly("/account/profile",
				"/account/password", "/account/newsletters", "/account/sessions", "/account/reading",
				"/account/following", "/account/delete");
		assertThat(page.select(".account-plan").text()).contains("Free member");
		assertThat(page.select(".account-plan a").attr("href")).isEqualTo("/subscribe");
		assertThat(page.select(".account-card").text()).contains("No card on file");
	}

	@Test
	void aSubscriberSeesPlanPriceNextChargeAndCard() {
		checkouts.checkout(new Checkout(member.id(), member.email(), plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS)));

		Document page = account();

		assertThat(page.select(".account-plan dd").eachText()).containsExactly(plan.name(), "$5.00 / month", "Active");
		String nextCharge = DATE.format(BillingInterval.MONTH.periodEnd(Instant.now()));
		assertThat(page.select(".account-when").text()).isEqualTo("Next charge on " + nextCharge);
		assertThat(page.select(".card-on-file").text())
			.isEqualTo("Visa ending in 4242, expires " + new CardOnFile("Visa", "4242",
					BillingFixtures.futureExpiry().getMonthValue(), BillingFixtures.futureExpiry().getYear())
				.expiry());
		assertThat(page.select(".account-card a").attr("href")).isEqualTo("/account/card");
	}

	@Test
	void aPastDueMemberIsAskedToUpdateTheirCard() {
		Instant failed = Instant.now().minus(Duration.ofDays(10));
		subscriptions.importSubscription(
				new ImportedSubscription(member.id(), plan.code(), BillingInterval.YEAR, SubscriptionStatus.PAST_DUE,
						failed.minus(Duration.ofDays(365)), failed, failed, SandboxCards.VISA_CHARGES_FAIL));

		Document page = account();

		assertThat(page.select(".account-plan dd").eachText()).containsExactly(plan.name(), "$50.00 / year",
				"Past due");
		assertThat(page.select(".account-plan .error").text()).contains("Your last payment didn't go through");
		assertThat(page.select(".account-plan .error a").attr("href")).isEqualTo("/account/card");
		assertThat(page.select(".card-on-file").text()).isEqualTo("Visa ending in 0341, expires 12/2034");
	}

	@Test
	void aCanceledMemberSeesWhenAccessEnds() {
		Instant end = Instant.now().plus(Duration.ofDays(12));
		subscriptions.importSubscription(new ImportedSubscription(member.id(), plan.code(), BillingInterval.MONTH,
				SubscriptionStatus.CANCELED, end.minus(Duration.ofDays(30)), end, null, null));

		assertThat(account().select(".account-when").text()).isEqualTo("Ends on " + DATE.format(end));
	}

	@Test
	void aCompedMemberSeesComplimentaryAccess() {
		subscriptions.grantComp(member.id(), "paid", null);

		assertThat(account().select(".account-plan dd").eachText()).containsExactly("Complimentary access", "Active");
	}

	@Test
	void aMemberWhoseSubscriptionEndedIsAFreeMemberAgain() {
		Instant end = Instant.now().minus(Duration.ofDays(3));
		subscriptions.importSubscription(new ImportedSubscription(member.id(), plan.code(), BillingInterval.MONTH,
				SubscriptionStatus.EXPIRED, end.minus(Duration.ofDays(30)), end, null, null));

		Document page = account();

		assertThat(page.select(".account-plan").text()).contains("Free member")
			.contains("Your subscription ended on " + DATE.format(end));
	}

	@Test
	void theCardPageShowsTheCardOnFileAndAForm() {
		cards.replaceCard(member.id(), member.email(), BillingFixtures.card(SandboxCards.SUCCEEDS));

		MvcTestResult result = mvc.get().uri("/account/card").with(BillingFixtures.signedIn(member)).exchange();

		assertThat(result).hasStatusOk().headers().hasValue("Cache-Control", "private, no-store");
		Document page = CheckoutControllerIntegrationTests.html(result);
		assertThat(page.text()).contains("Visa ending in 4242");
		assertThat(page.select("form[action=/account/card] input[name=cardNumber]")).hasSize(1);
	}

	@Test
	void replacingTheCardPutsTheNewOneOnFile() {
		cards.replaceCard(member.id(), member.email(), BillingFixtures.card(SandboxCards.SUCCEEDS));

		assertThat(postCard(SandboxCards.FIRST_CHARGE_ONLY, BillingFixtures.expiryField()))
			.hasStatus(HttpStatus.SEE_OTHER)
			.hasRedirectedUrl("/account");

		assertThat(cards.cardOnFile(member.id()))
			.hasValueSatisfying(card -> assertThat(card.last4()).isEqualTo("0341"));
	}

	@Test
	void aDeclinedReplacementSaysSoAndKeepsTheOldCard() {
		cards.replaceCard(member.id(), member.email(), BillingFixtures.card(SandboxCards.SUCCEEDS));

		MvcTestResult result = postCard(SandboxCards.DECLINED, BillingFixtures.expiryField());

		assertThat(result).hasStatus(HttpStatus.PAYMENT_REQUIRED);
		assertThat(CheckoutControllerIntegrationTests.html(result).select("p.error").text())
			.isEqualTo("Your card was declined.");
		assertThat(cards.cardOnFile(member.id()))
			.hasValueSatisfying(card -> assertThat(card.last4()).isEqualTo("4242"));
	}

	@Test
	void anInvalidReplacementIsExplainedAndChangesNothing() {
		MvcTestResult result = postCard("1234", "13/99");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(CheckoutControllerIntegrationTests.html(result).select("p.field-error").eachText()).containsExactly(
				"That card number isn't valid. Check it and try again.", "Enter the expiry date as MM/YY.");
		assertThat(cards.cardOnFile(member.id())).isEmpty();
	}

	private Document account() {
		MvcTestResult result = mvc.get().uri("/account").with(BillingFixtures.signedIn(member)).exchange();
		assertThat(result).hasStatusOk();
		return CheckoutControllerIntegrationTests.html(result);
	}

	private MvcTestResult postCard(String number, String expiry) {
		return mvc.post()
			.uri("/account/card")
			.with(BillingFixtures.signedIn(member))
			.with(cookieCsrf())
			.param("nameOnCard", "Ada Reader")
			.param("cardNumber", number)
			.param("expiry", expiry)
			.param("cvc", "123")
			.exchange();
	}

}
