package org.backstory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, with a fresh profile, driven against one test server.
 * Screenshots land in {@code target/screenshots/<prefix>-<name>.png}. Close it after each
 * test: closing fails the test if the browser refused anything on the pages it opened
 * because of the site's Content-Security-Policy, so every browser test also checks that
 * the policy and the pages agree.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final int port;

	private final String prefix;

	private final Path profile;

	private final ChromeDriverService service;

	private final ChromeDriver browser;

	public HeadlessChromium(int port, String screenshotPrefix) {
		this.port = port;
		this.prefix = screenshotPrefix;
		try {
			profile = Files.createTempDirectory("backstory-chromium");
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		// Giving the driver's path keeps Selenium Manager from trying to download one.
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	/** The driver itself, for anything the helpers below don't cover. */
	public ChromeDriver driver() {
		return browser;
	}

	public void open(String path) {
		browser.get("http://127.0.0.1:" + port + path);
	}

	public WebElement find(String css) {
		return browser.findElement(By.cssSelector(css));
	}

	/** Replaces the text of the field with this name. */
	public void type(String field, String value) {
		WebElement input = browser.findElement(By.name(field));
		input.clear();
		input.sendKeys(value);
	}

	/** Clicks the first submit button of a form that posts in the page's main content. */
	public void submit() {
		find("main form:not([method=get]) button[type=submit]").click();
	}

	/** Signs in through the real login form and waits until the browser has left it. */
	public void signIn(String email, String password) {
		open("/login");
		type("email", email);
		type("password", password);
		submit();
		waitFor(driver -> !driver.getCurrentUrl().contains("/login"));
	}

	public <T> T waitFor(ExpectedCondition<T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
	}

	public void screenshot(String name) {
		File shot = browser.getScreenshotAs(OutputType.FILE);
		try {
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(prefix + "-" + name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the browser refused since the last call because of a Content-Security-Policy,
	 * as its console says.
	 */
	public List<String> policyViolations() {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
	}

	@Override
	public void close() {
		List<String> violations;
		try {
			violations = policyViolations();
		}
		finally {
			browser.quit();
			service.stop();
			try (var files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (!violations.isEmpty()) {
			throw new AssertionError("The browser refused content under the Content-Security-Policy: " + violations);
		}
	}

}
