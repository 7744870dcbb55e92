package org.backstory.billing.web;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.HeadlessChromium;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CouponDuration;
import org.backstory.billing.checkout.NewCoupon;
import org.backstory.billing.checkout.NewOffer;
import org.backstory.billing.checkout.OfferService;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offer URL to a discounted checkout in headless Chromium: a new reader opens the
 * offer's page, signs up, confirms their address, pays the discounted first payment with
 * the test card, and the owner sees the redemption on the offers page. Screenshots land
 * in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfferBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	OfferService offers;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "offer");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void aNewReaderGoesFromTheOfferPageToADiscountedCheckout() {
		String ownerEmail = MemberFixtures.account(members, "offer-owner", MemberRole.OWNER);
		long ownerId = members.findByEmail(ownerEmail).orElseThrow().id();
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		String code = "o-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
		offers
			.createByStaff(ownerId,
					new NewOffer(code, "Half price to start", "Everything we publish, for half the price this month.",
							plan.code(), BillingInterval.MONTH,
							new NewCoupon(code, "Half price to start", 50, null, null, CouponDuration.ONCE, null, null,
									null, plan.code()),
							null))
			.orElseThrow();

		browser.open("/offer/" + code);
		assertThat(browser.find("h1").getText()).isEqualTo("Half price to start");
		assertThat(browser.find(".offer-price").getText()).isEqualTo("$5.00/month $2.50");
		browser.screenshot("1-landing");
		browser.driver().findElement(By.linkText("Claim this offer")).click();

		browser.waitFor(ExpectedConditions.urlContains("/signup"));
		String email = "offer" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		browser.type("email", email);
		browser.type("name", "Olive Offer");
		browser.submit();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
		browser.open(SentMail.lastTo(jdbc, email).path("/verify"));
		browser.submit();

		browser.waitFor(ExpectedConditions.urlContains("/checkout/" + plan.code()));
		assertThat(browser.find(".offer-applied").getText())
			.isEqualTo("Half price to start: 50% off the first payment. $2.50 instead of $5.00.");
		YearMonth expiry = YearMonth.now(ZoneOffset.UTC).plusYears(2);
		browser.type("nameOnCard", "Olive Offer");
		browser.type("cardNumber", "4242 4242 4242 4242");
		browser.type("expiry", String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100));
		browser.type("cvc", "123");
		browser.screenshot("2-checkout");
		assertThat(browser.find("form.card-form button[type=submit]").getText()).isEqualTo("Pay $2.50 and subscribe");
		browser.find("form.card-form button[type=submit]").click();

		browser.waitFor(ExpectedConditions.urlContains("/account"));
		assertThat(jdbc.sql("""
				select p.amount from billing.payment p join members.member m on m.id = p.member_id
				where lower(m.email) = lower(:email)
				""").param("email", email).query(Long.class).list()).containsExactly(250L);
		browser.screenshot("3-subscribed");

		browser.driver().findElement(By.cssSelector("header form[action='/logout'] button")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header a[href='/login']")));
		browser.signIn(ownerEmail, MemberFixtures.PASSWORD);
		browser.open("/admin/billing/offers");
		String row = browser.driver().findElement(By.xpath("//tr[.//code[text()='/offer/" + code + "']]")).getText();
		assertThat(row).contains("Half price to start", "50% off the first payment", "1 1 100%");
		browser.screenshot("4-admin-offers");
	}

}
