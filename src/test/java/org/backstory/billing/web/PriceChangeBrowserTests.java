package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.HeadlessChromium;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo owner changes a plan's price in headless Chromium and the subscribe page shows
 * it. The plan is the test's own, so the demo plans other tests rely on keep their
 * prices. Screenshots land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PriceChangeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	private HeadlessChromium browser;

	private Plan plan;

	@BeforeEach
	void startBrowser() {
		plan = catalog.createPlan(BillingFixtures.newPlan());
		browser = new HeadlessChromium(port, "price-change");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void theOwnerChangesAPriceAndTheSubscribePageShowsIt() {
		browser.signIn("owner@demo.test", "demo-password");
		browser.open("/admin/settings");
		browser.screenshot("1-settings");
		browser.driver().findElement(By.linkText("Plans and prices")).click();
		browser.waitFor(ExpectedConditions.urlContains("/admin/settings/plans"));

		WebElement row = browser.find("#plan-" + plan.code());
		replace(row.findElement(By.name("monthlyPrice")), "7.25");
		replace(row.findElement(By.name("yearlyPrice")), "72");
		browser.screenshot("2-new-price-typed");
		row.findElement(By.cssSelector("button[type=submit]")).click();

		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
		assertThat(browser.find(".notice").getText()).contains("New prices for " + plan.name() + " saved");
		assertThat(browser.find("#plan-" + plan.code() + " .prices").getText()).contains("$7.25 a month",
				"$72.00 a year");
		browser.screenshot("3-saved");

		browser.open("/subscribe");
		WebElement offer = browser.driver()
			.findElements(By.cssSelector("li.plan"))
			.stream()
			.filter(li -> li.findElement(By.tagName("a")).getAttribute("href").contains(plan.code()))
			.findFirst()
			.orElseThrow();
		new Actions(browser.driver()).scrollToElement(offer).perform();
		assertThat(offer.getText()).contains("$7.25 a month", "$72.00 a year");
		browser.screenshot("4-subscribe-page");
	}

	@Test
	void theOwnerSeesTheDashboardChartsOnALaptopScreen() {
		browser.signIn("owner@demo.test", "demo-password");
		browser.open("/admin/dashboard?range=12m");

		assertThat(browser.driver().findElements(By.cssSelector(".dashboard-panel svg"))).hasSize(4);
		assertThat(browser.find("#panel-members svg").getSize().getWidth()).isGreaterThan(400);
		browser.screenshot("5-dashboard");
		new Actions(browser.driver()).scrollToElement(browser.find("#top-signups")).perform();
		browser.screenshot("6-dashboard-top-articles");
	}

	private static void replace(WebElement input, String value) {
		input.clear();
		input.sendKeys(value);
	}

}
