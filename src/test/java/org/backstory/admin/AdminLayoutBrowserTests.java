package org.backstory.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backstory.HeadlessChromium;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff area's app layout in headless Chromium: at 1280 px the side navigation stands
 * beside full-width content; at 390 px it becomes a menu across the top and no page
 * scrolls sideways (wide tables scroll inside their own box). Screenshots of the
 * overview, the article list and the member list at both widths land in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminLayoutBrowserTests {

	private static final List<String> PAGES = List.of("/admin", "/admin/articles", "/admin/members");

	/** Further pages with wide content (charts, forms) checked at 390 px. */
	private static final List<String> WIDE_PAGES = List.of("/admin/dashboard?range=12m", "/admin/settings",
			"/admin/articles/new", "/admin/staff");

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "admin-layout");
		browser.signIn(MemberFixtures.account(directory, "layout", MemberRole.OWNER), MemberFixtures.PASSWORD);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void onAWideScreenTheSideNavigationStandsBesideFullWidthContent() {
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		for (String path : PAGES) {
			browser.open(path);
			WebElement nav = browser.find("nav.admin-nav");
			WebElement main = browser.find("main.admin-main");
			browser.screenshot("1280" + path.replace('/', '-'));

			assertThat(nav.isDisplayed()).as(path).isTrue();
			assertThat(nav.getRect().getX()).as(path).isZero();
			assertThat(main.getRect().getX()).as(path).isGreaterThanOrEqualTo(nav.getRect().getWidth());
			assertThat(main.getRect().getWidth()).as(path).isGreaterThan(900);
			assertThat(nav.findElements(By.cssSelector("a")).stream().map(WebElement::getText)).as(path)
				.contains("Articles", "Members", "Settings", "Staff");
		}
		List<WebElement> tables = browser.driver().findElements(By.cssSelector("main table"));
		assertThat(tables).isNotEmpty();
		assertThat(tables.get(0).getRect().getWidth()).isGreaterThan(900);
	}

	@Test
	void onANarrowScreenTheNavigationIsATopMenuAndNothingScrollsSideways() {
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		for (String path : PAGES) {
			browser.open(path);
			browser.screenshot("390" + path.replace('/', '-'));
			WebElement nav = browser.find("nav.admin-nav");
			WebElement main = browser.find("main.admin-main");

			assertThat(overflow()).as(path + " scrollWidth - innerWidth").isLessThanOrEqualTo(0);
			assertThat(nav.isDisplayed()).as(path).isTrue();
			assertThat(main.getRect().getY()).as(path)
				.isGreaterThanOrEqualTo(nav.getRect().getY() + nav.getRect().getHeight());
		}
		for (String path : WIDE_PAGES) {
			browser.open(path);
			assertThat(overflow()).as(path + " scrollWidth - innerWidth").isLessThanOrEqualTo(0);
		}
		assertThat(browser.driver().executeScript("return window.innerWidth;")).isEqualTo(390L);
	}

	private long overflow() {
		return (Long) browser.driver()
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
	}

}
