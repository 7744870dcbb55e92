package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader's whole journey in Debian's headless Chromium: paywall, sign-up, card checkout, the whole
 * article, sign-out, paywall again. Screenshots of each step land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReaderJourneyBrowserTests {

	private static final String PAID_ARTICLE = "/p/port-anselm-summits";

	private static final String GATED_SENTENCE = "The delegations ate lunch at separate tables for the first three days";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	private Path profile;

	private ChromeDriverService service;

	private WebDriver browser;

	@BeforeEach
	void startBrowser() throws IOException {
		profile = Files.createTempDirectory("backstory-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1200,900", "--user-data-dir=" + profile);
		// Giving the driver's path keeps Selenium Manager from trying to download one.
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		browser.quit();
		service.stop();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@Test
	void anonymousReaderSubscribesReadsTheWholeArticleAndLosesItOnSigningOut() {
		open(PAID_ARTICLE);
		WebElement box = browser.findElement(By.cssSelector(".paywall-box"));
		assertThat(box.getText()).contains("Already a subscriber? Log in");
		assertThat(browser.getPageSource()).doesNotContain(GATED_SENTENCE);
		screenshot("1-paywall");

		box.findElement(By.linkText("Subscribe")).click();
		waitFor(ExpectedConditions.urlContains("/subscribe"));
		browser.findElement(By.partialLinkText("a month")).click();

		waitFor(ExpectedConditions.urlContains("/signup"));
		String email = "journey" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		type("email", email);
		type("name", "Jo Journey");
		type("password", "a long enough password");
		screenshot("2-signup");
		submit();

		waitFor(ExpectedConditions.urlContains("/checkout/"));
		YearMonth expiry = YearMonth.now(ZoneOffset.UTC).plusYears(2);
		type("nameOnCard", "Jo Journey");
		type("cardNumber", "4242 4242 4242 4242");
		type("expiry", String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100));
		type("cvc", "123");
		screenshot("3-checkout");
		submit();

		waitFor(ExpectedConditions.urlContains(PAID_ARTICLE));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(GATED_SENTENCE);
		assertThat(browser.findElements(By.cssSelector(".paywall-box"))).isEmpty();
		screenshot("4-whole-article");

		browser.findElement(By.cssSelector("header form[action='/logout'] button")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header a[href='/login']")));
		open(PAID_ARTICLE);
		assertThat(browser.findElements(By.cssSelector(".paywall-box"))).hasSize(1);
		assertThat(browser.getPageSource()).doesNotContain(GATED_SENTENCE);
		screenshot("5-signed-out");
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	private void type(String field, String value) {
		WebElement input = browser.findElement(By.name(field));
		input.clear();
		input.sendKeys(value);
	}

	private void submit() {
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
	}

	private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

	private void screenshot(String name) {
		File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		try {
			Files.copy(shot.toPath(), SCREENSHOTS.resolve("journey-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
