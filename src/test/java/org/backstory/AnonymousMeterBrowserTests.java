package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.access.AccessProbe;
import org.backstory.access.MeteringSettings;
import org.backstory.email.SentMail;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 §3 in Debian's headless Chromium: with two free articles a month for readers
 * who are not signed in and one for free members, an anonymous reader reads two paid
 * articles and sees the counter, meets the registration wall on the third, signs up from
 * it, comes back to that article and reads it through the member meter, and meets the
 * subscribe box on the fourth. Screenshots land in {@code target/screenshots/meter-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousMeterBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeteringSettings metering;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	private final List<ArticleDraft> paid = new ArrayList<>();

	private Optional<Integer> memberAllowance;

	private int anonymousAllowance;

	private HeadlessChromium browser;

	@BeforeEach
	void meterOnAndArticles() {
		memberAllowance = AccessProbe.meteredReads(jdbc);
		anonymousAllowance = metering.anonymousReadsPerMonth();
		metering.change(1);
		metering.changeAnonymous(2);
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		for (int i = 0; i < 4; i++) {
			paid.add(fixtures.published(Visibility.paid()));
		}
		browser = new HeadlessChromium(port, "meter");
	}

	@AfterEach
	void putBack() {
		try {
			browser.close();
		}
		finally {
			paid.forEach(article -> systemPublisher.unpublish(article.id()));
			metering.changeAnonymous(anonymousAllowance);
			// Through the settings first, so this node's cached allowance is the one put
			// back.
			metering.change(memberAllowance.orElse(metering.defaultFreeReadsPerMonth()));
			AccessProbe.putBackMeteredReads(jdbc, memberAllowance);
		}
	}

	@Test
	void anAnonymousReaderUsesTheMeterMeetsTheRegistrationWallSignsUpAndReadsOn() {
		browser.open(path(0));
		assertThat(main()).doesNotContain(gated(0));
		browser.find(".paywall-box .free-read a").click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), gated(0)));
		assertThat(browser.find(".notice").getText()).isEqualTo("1 of 2 free articles left this month.");
		browser.screenshot("1-first-free-article");

		browser.open(path(1));
		assertThat(main()).contains(gated(1));
		assertThat(browser.find(".notice").getText()).isEqualTo("0 of 2 free articles left this month.");
		browser.screenshot("2-last-free-article");

		browser.open(path(2));
		assertThat(main()).doesNotContain(gated(2));
		assertThat(browser.find(".paywall-box h2").getText()).isEqualTo("Sign up free to keep reading");
		browser.screenshot("3-registration-wall");

		browser.find(".paywall-box").findElement(By.linkText("Sign up free")).click();
		browser.waitFor(ExpectedConditions.urlContains("/signup"));
		String email = "meter" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		browser.type("email", email);
		browser.type("name", "Mo Meter");
		browser.screenshot("4-signup");
		browser.submit();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
		browser.open(SentMail.lastTo(jdbc, email).path("/verify"));
		browser.submit();

		browser.waitFor(ExpectedConditions.urlContains(path(2)));
		assertThat(main()).contains(gated(2));
		assertThat(browser.find(".notice").getText())
			.isEqualTo("This is your free article this month. You have 0 left.");
		browser.screenshot("5-member-meter");

		browser.open(path(3));
		assertThat(main()).doesNotContain(gated(3));
		assertThat(browser.find(".paywall-box").getText()).contains("You've read your free article this month.");
		browser.screenshot("6-subscribe-box");
	}

	private String main() {
		return browser.driver().findElement(By.tagName("main")).getText();
	}

	private String path(int article) {
		return "/p/" + paid.get(article).slug();
	}

	private String gated(int article) {
		return "Gated paragraph of " + paid.get(article).slug();
	}

}
