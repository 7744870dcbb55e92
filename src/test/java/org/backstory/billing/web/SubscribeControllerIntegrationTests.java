package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Duration;
import java.time.Instant;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.members.SignedInMember;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubscribeControllerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

	private MockMvcTester mvc;

	private Plan plan;

	@BeforeEach
	void setUp() {
		mvc = MockMvcTester.from(context, builder -> builder.apply(springSecurity()).build());
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void anonymousReadersSeeEachPlanWithBothPricesLeadingThroughSignUp() {
		Visitor visitor = new Visitor(port);
		Visitor.Page page = visitor.get("/subscribe");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).doesNotContain("private");
		assertThat(visitor.cookie("backstory_session")).isNull();
		Element offer = offer(page.document());
		assertThat(offer.select("a").eachText()).containsExactly("$5.00 a month", "$50.00 a year");
		assertThat(offer.select("a").eachAttr("href")).containsExactly(
				"/signup?next=%2Fcheckout%2F" + plan.code() + "%3Finterval%3Dmonth",
				"/signup?next=%2Fcheckout%2F" + plan.code() + "%3Finterval%3Dyear");
	}

	@Test
	void whereTheReaderCameFromTravelsThroughSignUpToCheckout() {
		Visitor.Page page = new Visitor(port).get("/subscribe?next=/p/the-thaw");

		assertThat(offer(page.document()).select("a").first().attr("href")).isEqualTo(
				"/signup?next=%2Fcheckout%2F" + plan.code() + "%3Finterval%3Dmonth%26next%3D%252Fp%252Fthe-thaw");
	}

	@Test
	void aForeignNextIsDropped() {
		Visitor.Page page = new Visitor(port).get("/subscribe?next=//evil.test/");

		assertThat(offer(page.document()).select("a").first().attr("href"))
			.isEqualTo("/signup?next=%2Fcheckout%2F" + plan.code() + "%3Finterval%3Dmonth");
	}

	@Test
	void signedInReadersGoStraightToCheckout() {
		MvcTestResult result = mvc.get()
			.uri("/subscribe?next=/p/the-thaw")
			.with(BillingFixtures.signedIn(BillingFixtures.newMember()))
			.exchange();

		assertThat(result).hasStatusOk().headers().hasValue("Cache-Control", "private, no-store");
		assertThat(offer(CheckoutControllerIntegrationTests.html(result)).select("a").eachAttr("href")).containsExactly(
				"/checkout/" + plan.code() + "?interval=month&next=%2Fp%2Fthe-thaw",
				"/checkout/" + plan.code() + "?interval=year&next=%2Fp%2Fthe-thaw");
	}

	@Test
	void aSubscribedMemberIsToldSoAndPointedToTheirAccount() {
		SignedInMember member = BillingFixtures.newMember();
		Instant now = Instant.now();
		subscriptions.importSubscription(new ImportedSubscription(member.id(), plan.code(), BillingInterval.MONTH,
				SubscriptionStatus.ACTIVE, now, now.plus(Duration.ofDays(30)), null, null));

		Document page = CheckoutControllerIntegrationTests
			.html(mvc.get().uri("/subscribe").with(BillingFixtures.signedIn(member)).exchange());

		assertThat(page.select("p.notice").text()).contains("You're subscribed");
		assertThat(page.select("p.notice a").attr("href")).isEqualTo("/account");
		assertThat(page.select("li.plan")).isEmpty();
	}

	private Element offer(Document page) {
		Element offer = page.select("li.plan")
			.stream()
			.filter(li -> li.select("a").attr("href").contains(plan.code()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no offer for " + plan.code()));
		assertThat(offer.select("h2").text()).isEqualTo(plan.name());
		return offer;
	}

}
