package org.backstory.members.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.backstory.HeadlessChromium;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator rewrites the welcome mail after sign-up in Debian's headless Chromium
 * and previews it: the preview is the mail's HTML part as a member's mail client gets it,
 * in the publication's look. Screenshots of the settings page and the rendered mail land
 * in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WelcomeMailBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "welcome-mail");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
		jdbc.sql("delete from members.welcome_text").update();
	}

	@Test
	void anAdministratorPreviewsTheRewrittenWelcomeAsTheMemberWillSeeIt() {
		browser.signIn(MemberFixtures.account(directory, "welcome-browser", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
		browser.open("/admin/settings/welcome");
		browser.screenshot("1-settings");
		String settings = browser.driver().getWindowHandle();

		browser.find("#welcome-signup input[name=subject]").clear();
		browser.find("#welcome-signup input[name=subject]").sendKeys("Welcome aboard");
		browser.find("#welcome-signup textarea[name=body]").clear();
		browser.find("#welcome-signup textarea[name=body]")
			.sendKeys("Every weekday at seven, the story behind the news.\n\nReply to this mail any time.");
		browser.find("#welcome-signup button[formaction$=preview]").click();

		browser.waitFor(driver -> driver.getWindowHandles().size() == 2);
		Set<String> windows = browser.driver().getWindowHandles();
		windows.stream().filter(window -> !window.equals(settings)).forEach(browser.driver().switchTo()::window);
		browser.waitFor(driver -> !driver.findElements(By.cssSelector("table.bs-card")).isEmpty());
		assertThat(browser.find("h1").getText()).isEqualTo("Welcome aboard");
		assertThat(browser.find("table.bs-card").getText()).contains("Every weekday at seven",
				"Reply to this mail any time.", "Start reading");
		browser.screenshot("2-welcome-mail");
		assertThat(jdbc.sql("select count(*) from members.welcome_text").query(Long.class).single())
			.as("a preview saves nothing")
			.isZero();
	}

}
