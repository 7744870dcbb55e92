package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.PublicationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Content-Security-Policy in a real browser: it is enforced (an inline style is
 * refused), and the pages still look as they should under it (the accent colour comes
 * from its stylesheet). Every other browser test checks on closing that nothing it opened
 * was refused ({@link HeadlessChromium#close()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PublicationService publications;

	@Autowired
	MemberDirectory directory;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "csp");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void anArticleTakesTheAccentColourFromItsStylesheet() {
		browser.open("/");
		browser.find("a[href^='/p/']").click();
		browser.waitFor(driver -> driver.getCurrentUrl().contains("/p/"));

		Object accent = browser.driver()
			.executeScript("return getComputedStyle(document.body).getPropertyValue('--accent').trim()");
		assertThat(accent).isEqualTo(publications.publication().accentColor());
		assertThat(browser.driver().getPageSource()).contains("application/ld+json");
		assertThat(browser.policyViolations()).isEmpty();
		browser.screenshot("article");
	}

	@Test
	void theTwoFactorQrCodeIsShownUnderThePolicy() {
		browser.signIn(MemberFixtures.account(directory, "csp-qr", MemberRole.EDITOR), MemberFixtures.PASSWORD);
		browser.open("/admin/two-factor");

		Object width = browser.driver()
			.executeScript("return document.querySelector('img.two-factor-qr').naturalWidth");
		assertThat(((Number) width).intValue()).as("the QR code image loaded").isPositive();
		assertThat(browser.policyViolations()).isEmpty();
		browser.screenshot("two-factor-setup");
	}

	@Test
	void theBrowserRefusesAnInlineStyle() {
		browser.open("/");

		browser.driver().executeScript("document.body.setAttribute('style', 'background: red')");

		assertThat(browser.policyViolations()).singleElement().asString().contains("style-src 'self'");
	}

}
