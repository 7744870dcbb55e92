package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.email.SentMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reader's whole journey in Debian's headless Chromium: paywall, sign-up, the
 * confirmation link from the mail, card checkout, the whole article, sign-out, paywall
 * again. Screenshots of each step land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReaderJourneyBrowserTests {

	private static final String PAID_ARTICLE = "/p/port-anselm-summits";

	private static final String GATED_SENTENCE = "The delegations ate lunch at separate tables for the first three days";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "journey");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void anonymousReaderSubscribesReadsTheWholeArticleAndLosesItOnSigningOut() {
		browser.open(PAID_ARTICLE);
		WebElement box = browser.find(".paywall-box");
		assertThat(box.getText()).contains("Already a subscriber? Log in");
		assertThat(browser.driver().getPageSource()).doesNotContain(GATED_SENTENCE);
		browser.screenshot("1-paywall");

		box.findElement(By.linkText("Subscribe")).click();
		browser.waitFor(ExpectedConditions.urlContains("/subscribe"));
		browser.driver().findElement(By.partialLinkText("a month")).click();

		browser.waitFor(ExpectedConditions.urlContains("/signup"));
		String email = "journey" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		browser.type("email", email);
		browser.type("name", "Jo Journey");
		browser.screenshot("2-signup");
		browser.submit();

		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
		browser.open(SentMail.lastTo(jdbc, email).path("/verify"));
		browser.screenshot("3-confirm");
		browser.submit();

		browser.waitFor(ExpectedConditions.urlContains("/checkout/"));
		YearMonth expiry = YearMonth.now(ZoneOffset.UTC).plusYears(2);
		browser.type("nameOnCard", "Jo Journey");
		browser.type("cardNumber", "4242 4242 4242 4242");
		browser.type("expiry", String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100));
		browser.type("cvc", "123");
		browser.screenshot("4-checkout");
		browser.submit();

		browser.waitFor(ExpectedConditions.urlContains(PAID_ARTICLE));
		assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains(GATED_SENTENCE);
		assertThat(browser.driver().findElements(By.cssSelector(".paywall-box"))).isEmpty();
		browser.screenshot("5-whole-article");

		browser.driver().findElement(By.cssSelector("header form[action='/logout'] button")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header a[href='/login']")));
		browser.open(PAID_ARTICLE);
		assertThat(browser.driver().findElements(By.cssSelector(".paywall-box"))).hasSize(1);
		assertThat(browser.driver().getPageSource()).doesNotContain(GATED_SENTENCE);
		browser.screenshot("6-signed-out");
	}

}
