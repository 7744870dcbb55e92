package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.GracePeriodSettings;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.shared.Dates;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The banner a reader whose renewal failed sees on every page while the grace period
 * lasts (issue 16 §6), over real HTTP with a real sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentBannerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	MemberDirectory members;

	@Autowired
	GracePeriodSettings grace;

	@Autowired
	JdbcClient jdbc;

	private Plan plan;

	@BeforeEach
	void setUp() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void aPastDueReaderInGraceSeesTheBannerWithTheGraceEndOnEveryPageAndTheAccount() {
		Instant failed = Instant.now().minus(Duration.ofDays(1));
		Visitor reader = readerWith(SubscriptionStatus.PAST_DUE, failed);
		String graceEnd = Dates.readerDate(failed.plus(grace.gracePeriod()));

		for (String path : new String[] { "/", "/search?q=anything", "/account", "/account/card" }) {
			Visitor.Page page = reader.get(path);

			assertThat(page.status()).as(path).isEqualTo(200);
			Element banner = page.document().selectFirst(".payment-banner");
			assertThat(banner).as(path).isNotNull();
			assertThat(banner.text()).as(path)
				.isEqualTo("Your last payment failed. Update your card by " + graceEnd + " to keep reading.");
			assertThat(banner.select("a").attr("href")).isEqualTo("/account/card");
			assertThat(page.header("Cache-Control")).as(path).isEqualTo("private, no-store");
		}
	}

	@Test
	void aPastDueReaderBeyondGraceAndAnActiveSubscriberSeeNoBanner() {
		Visitor lapsed = readerWith(SubscriptionStatus.PAST_DUE,
				Instant.now().minus(grace.gracePeriod()).minus(Duration.ofDays(1)));
		Visitor active = readerWith(SubscriptionStatus.ACTIVE, null);

		for (Visitor reader : new Visitor[] { lapsed, active }) {
			assertThat(reader.get("/").document().select(".payment-banner")).isEmpty();
			assertThat(reader.get("/account").document().select(".payment-banner")).isEmpty();
		}
		assertThat(new Visitor(port).get("/").document().select(".payment-banner")).isEmpty();
	}

	@Test
	void aGroupsSeatHolderIsToldTheManagerSettlesItAndAnInvoiceLicencesManagerIsSentToTheInvoice() {
		Instant failed = Instant.now().minus(Duration.ofDays(1));
		String graceEnd = Dates.readerDate(failed.plus(grace.gracePeriod()));
		String manager = subscriberWith(SubscriptionStatus.PAST_DUE, failed);
		String seatHolder = account();
		jdbc.sql("""
				insert into billing.group_seat (member_id, subscription_id, joined_by, joined_at)
				select :holder, s.id, 'invite', now() from billing.subscription s where s.member_id = :manager""")
			.param("holder", idOf(seatHolder))
			.param("manager", idOf(manager))
			.update();
		String invoiceManager = subscriberWith(SubscriptionStatus.PAST_DUE, failed);
		jdbc.sql("update billing.subscription set payment_method = 'invoice' where member_id = ?")
			.param(idOf(invoiceManager))
			.update();

		Element seatBanner = signedIn(seatHolder).get("/").document().selectFirst(".payment-banner");
		Element invoiceBanner = signedIn(invoiceManager).get("/account").document().selectFirst(".payment-banner");

		assertThat(seatBanner).isNotNull();
		assertThat(seatBanner.text()).isEqualTo("A payment for your group's subscription failed. "
				+ "You keep reading while its manager settles it, until " + graceEnd + ".");
		assertThat(seatBanner.select("a")).isEmpty();
		assertThat(invoiceBanner).isNotNull();
		assertThat(invoiceBanner.text())
			.isEqualTo("Your group licence's invoice is overdue. Pay it by " + graceEnd + " to keep reading.");
		assertThat(invoiceBanner.select("a").attr("href")).isEqualTo("/account/group");
	}

	/**
	 * A signed-in reader with a monthly subscription in {@code status}, past due since
	 * {@code failedAt} when that is given.
	 */
	private Visitor readerWith(SubscriptionStatus status, Instant failedAt) {
		return signedIn(subscriberWith(status, failedAt));
	}

	/** A new reader's address, with a monthly subscription as {@link #readerWith} has. */
	private String subscriberWith(SubscriptionStatus status, Instant failedAt) {
		String email = account();
		Instant periodEnd = failedAt != null ? failedAt : Instant.now().plus(Duration.ofDays(20));
		subscriptions.importSubscription(new ImportedSubscription(idOf(email), plan.code(), BillingInterval.MONTH,
				status, periodEnd.minus(Duration.ofDays(30)), periodEnd, failedAt, SandboxCards.VISA_CHARGES_FAIL));
		return email;
	}

	private String account() {
		String email = MemberFixtures.uniqueEmail("banner");
		members.createAccount(new NewAccount(email, "Banner Reader", MemberFixtures.PASSWORD, MemberRole.MEMBER, true));
		return email;
	}

	private long idOf(String email) {
		return members.findByEmail(email).orElseThrow().id();
	}

	private Visitor signedIn(String email) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
