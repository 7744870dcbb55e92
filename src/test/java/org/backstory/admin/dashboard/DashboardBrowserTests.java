package org.backstory.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.AxeCore;
import org.backstory.HeadlessChromium;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in Debian's headless Chromium: axe-core finds no serious or critical
 * violation, and a rate's definition opens from the keyboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	private HeadlessChromium browser;

	@BeforeEach
	void signIn() {
		browser = new HeadlessChromium(port, "dashboard");
		browser.signIn(MemberFixtures.account(directory, "dashboarda11y", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void theDashboardHasNoSeriousViolationsAndADefinitionOpensFromTheKeyboard() {
		browser.open("/admin/dashboard");
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("rates-heading")));

		assertThat(AxeCore.seriousViolations(browser)).isEmpty();
		WebElement definition = browser.find("#rate-churn-definition");
		assertThat(definition.isDisplayed()).isFalse();
		WebElement summary = browser.find("#rate-churn details.definition summary");
		browser.driver().executeScript("arguments[0].focus()", summary);
		new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
		assertThat(definition.isDisplayed()).isTrue();
		assertThat(definition.getText()).startsWith("Paid subscriptions that ended in the month");
		browser.screenshot("rates-definition-open");
	}

}
