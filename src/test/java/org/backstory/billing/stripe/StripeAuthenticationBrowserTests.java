package org.backstory.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.backstory.HeadlessChromium;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.card.CardService;
import org.backstory.email.SentMail;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16's journey "a renewal needing authentication confirmed by the member" in
 * headless Chromium: the member opens the mailed link, confirms with (the stand-in's)
 * Stripe.js, and the subscription is active again. Real Stripe.js cannot run offline; the
 * stand-in's script confirms the PaymentIntent the way it does. Screenshots land in
 * {@code target/screenshots/}.
 */
@StripeGatewayTest
class StripeAuthenticationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	CardService cards;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	private final WireMockServer stripe = StripeStandIn.shared();

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "payment-authentication");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void theMemberConfirmsAHeldRenewalFromTheMailedLinkAndKeepsReading() {
		HeldRenewal held = HeldRenewal.make(stripe, catalog, members, subscriptions, cards);
		String link = SentMail.lastTo(jdbc, held.email()).path("/account/payments/");

		browser.signIn(held.email(), MemberFixtures.PASSWORD);
		browser.open("/");
		assertThat(browser.find(".payment-banner").getText())
			.startsWith("Your last payment failed. Update your card by");
		browser.screenshot("1-banner-in-grace");
		browser.open(link);
		assertThat(browser.find(".confirm-amount").getText()).isEqualTo("$5.00");
		browser.screenshot("2-confirm-page");

		browser.find("form#confirm-payment button").click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".confirm-payment .notice")));

		assertThat(browser.driver().getCurrentUrl()).endsWith(link);
		assertThat(browser.find(".confirm-payment .notice").getText())
			.isEqualTo("Your payment of $5.00 is confirmed. Thank you: your subscription continues.");
		assertThat(browser.driver().findElements(By.cssSelector(".payment-banner"))).isEmpty();
		assertThat(subscriptions.currentSubscription(held.member()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.ACTIVE);
		browser.screenshot("3-confirmed");
	}

}
