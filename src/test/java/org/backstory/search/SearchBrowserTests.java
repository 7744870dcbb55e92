package org.backstory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Searching from the header in Debian's headless Chromium: a subscriber finds a paid demo
 * article by words of its gated half, sees them marked and opens the result; an anonymous
 * reader's same search finds nothing. Screenshots land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchBrowserTests {

	private static final String GATED_WORDS = "delegations separate tables";

	private static final String GATED_SENTENCE = "The delegations ate lunch at separate tables for the first three days";

	@LocalServerPort
	int port;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "search");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void aSubscriberSearchesFromTheHeaderAndOpensAResult() {
		browser.signIn("subscriber@demo.test", "demo-password");
		browser.open("/");

		browser.find("header input[name=q]").sendKeys(GATED_WORDS, Keys.ENTER);

		browser.waitFor(ExpectedConditions.urlContains("/search?q="));
		assertThat(browser.find(".search-results h2 a").getAttribute("href")).endsWith("/p/port-anselm-summits");
		assertThat(browser.find(".search-results .snippet").getText())
			.contains("delegations ate lunch at separate tables");
		assertThat(browser.driver().findElements(By.cssSelector(".search-results .snippet mark"))).isNotEmpty();
		browser.screenshot("1-results");
		browser.find(".search-results h2 a").click();
		browser.waitFor(ExpectedConditions.urlContains("/p/port-anselm-summits"));
		assertThat(browser.driver().getPageSource()).contains(GATED_SENTENCE);
		browser.screenshot("2-article");
	}

	@Test
	void anAnonymousReaderFindsNothingInTheGatedHalf() {
		browser.open("/");

		browser.find("header input[name=q]").sendKeys(GATED_WORDS, Keys.ENTER);

		browser.waitFor(ExpectedConditions.urlContains("/search?q="));
		assertThat(browser.find(".search-summary").getText()).contains("results for");
		assertThat(browser.driver().findElements(By.cssSelector(".search-results a[href='/p/port-anselm-summits']")))
			.isEmpty();
		assertThat(browser.driver().getPageSource()).doesNotContain("ate lunch");
	}

}
