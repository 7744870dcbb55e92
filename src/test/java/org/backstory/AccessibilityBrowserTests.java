package org.backstory;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.billing.PlanCatalog;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accessibility in Debian's headless Chromium: every kind of reader page (home, free and
 * paid article, tag, author, storyline, search), the paywall box, sign-up, login,
 * checkout, the account page and the editor pass axe-core with no serious or critical
 * violation, and a reader subscribes with the keyboard alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	private static final String PAID_ARTICLE = "/p/a-phone-call-from-sael";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog plans;

	@Autowired
	ArticleEditor editor;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "a11y");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void readerPagesCheckoutAccountAndEditorHaveNoSeriousViolations() {
		String free = "/p/"
				+ new ArticleFixtures(editor, systemPublisher, taxonomyCreator).published(Visibility.everyone()).slug();
		Map<String, List<String>> violations = new LinkedHashMap<>();
		for (String path : List.of("/", free, PAID_ARTICLE, "/subscribe", "/signup", "/login", "/search?q=harbour")) {
			check(path, violations);
		}
		browser.open(PAID_ARTICLE);
		for (String kind : List.of("/tag/", "/author/", "/story/")) {
			check(browser.find("main a[href^='" + kind + "']").getAttribute("pathname"), violations);
			browser.open(PAID_ARTICLE);
		}
		browser.signIn(MemberFixtures.reader(directory, "a11y"), MemberFixtures.PASSWORD);
		check(checkoutPath(), violations);
		check("/account", violations);
		browser.driver().manage().deleteAllCookies();
		browser.signIn(MemberFixtures.account(directory, "a11yeditor", MemberRole.EDITOR), MemberFixtures.PASSWORD);
		check("/admin/articles/new", violations);

		assertThat(violations).as("axe-core's serious and critical violations by page").isEmpty();
	}

	@Test
	void aReaderSubscribesWithTheKeyboardAlone() {
		browser.signIn(MemberFixtures.reader(directory, "keyboard"), MemberFixtures.PASSWORD);
		browser.open(checkoutPath());
		YearMonth expiry = YearMonth.now(ZoneOffset.UTC).plusYears(2);

		tabTo("nameOnCard").sendKeys("Kay Board");
		tab().sendKeys("4242 4242 4242 4242");
		assertThat(focused().getAttribute("name")).isEqualTo("cardNumber");
		tab().sendKeys(String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100));
		assertThat(focused().getAttribute("name")).isEqualTo("expiry");
		tab().sendKeys("123");
		assertThat(focused().getAttribute("name")).isEqualTo("cvc");
		WebElement pay = tab();
		assertThat(pay.getTagName()).isEqualTo("button");
		assertThat(pay.getText()).startsWith("Pay");
		assertThat(browser.driver().executeScript("return getComputedStyle(arguments[0]).outlineStyle", pay))
			.as("the focused button shows where the focus is")
			.isNotEqualTo("none");
		browser.screenshot("keyboard-pay-focused");
		pay.sendKeys(Keys.ENTER);

		browser.waitFor(ExpectedConditions.urlContains("/account"));
		assertThat(browser.find("main").getText()).contains("You're subscribed");
	}

	private void check(String path, Map<String, List<String>> violations) {
		browser.open(path);
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
		List<String> found = AxeCore.seriousViolations(browser);
		if (!found.isEmpty()) {
			violations.put(path, found);
		}
	}

	private String checkoutPath() {
		return "/checkout/" + plans.activePlans().get(0).code() + "?interval=month";
	}

	/** Tabs from the top of the page until the field with this name has the focus. */
	private WebElement tabTo(String name) {
		for (int presses = 0; presses < 40; presses++) {
			WebElement focused = tab();
			if (name.equals(focused.getAttribute("name"))) {
				return focused;
			}
		}
		throw new AssertionError("40 presses of Tab never reached the field " + name);
	}

	private WebElement tab() {
		new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
		return focused();
	}

	private WebElement focused() {
		return browser.driver().switchTo().activeElement();
	}

}
