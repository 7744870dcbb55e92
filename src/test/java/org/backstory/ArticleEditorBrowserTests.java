package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An editor's day in Debian's headless Chromium: writes an article in the house format's
 * three panes (the live preview warns while a paid piece has no now part) with a paywall
 * marker in the now part through the toolbar, sees the live preview and the autosave,
 * previews it as an anonymous reader (the box, not the gated text) and as a subscriber
 * (everything), schedules it, and it appears on the site when the (test) clock reaches
 * its time. Screenshots land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class ArticleEditorBrowserTests {

	private static final String GATED = "The gated analysis only subscribers read.";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	SettableClock clock;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "editor");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
		clock.reset();
	}

	@Test
	void anEditorWritesPreviewsAndSchedulesAnArticleThatAppearsOnTime() {
		String email = MemberFixtures.account(directory, "eddie", MemberRole.EDITOR);
		browser.signIn(email, MemberFixtures.PASSWORD);
		String slug = ArticleFixtures.unique("browser");

		browser.open("/admin/articles/new");
		browser.type("title", "Harbour talks: what changed " + slug);
		browser.type("dek", "The second round, explained.");
		browser.type("slug", slug);
		new Select(browser.find("select[name=visibility]")).selectByValue("paid");
		browser.find("textarea[name=body]").sendKeys("The harbour talks resumed this week.");
		browser.find("textarea[name=background]").sendKeys("The talks began in March.");
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".preview-warning")));
		assertThat(browser.find(".preview-warning").getText()).contains("has no now part");
		WebElement now = browser.find("textarea[name=now]");
		now.sendKeys("Both sides are back at the table.");
		browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".preview-warning")));
		toolbar("paywall");
		now.sendKeys(GATED);
		browser.waitFor(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector(".preview-body section.whats-going-on-now")));
		assertThat(browser.find(".preview-body section.before-you-read").getText())
			.contains("The talks began in March.");
		assertThat(browser.find(".preview-body .paywall-marker").isDisplayed()).isTrue();
		assertThat(browser.find(".word-count[data-for=body]").getText()).isEqualTo("6 words");
		assertThat(browser.find(".word-count[data-for=background]").getText()).isEqualTo("5 words");
		assertThat(browser.find(".word-count[data-for=now]").getText()).matches("\\d+ words");
		assertThat(now.getAttribute("value")).contains("Both sides are back at the table.", "<!-- paywall -->", GATED);

		browser.waitFor(
				ExpectedConditions.textMatches(By.cssSelector(".save-state"), Pattern.compile("Saved \\d\\d:\\d\\d")));
		uploadAnImage();
		browser.waitFor(ExpectedConditions.urlMatches("/admin/articles/\\d+$"));
		browser.driver().executeScript("window.scrollTo(0, 0)");
		browser.screenshot("1-written-and-autosaved");
		browser.submit();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "Saved at"));
		String editorPath = browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
		assertThat(editorPath).matches("/admin/articles/\\d+");

		browser.open(editorPath + "/preview?as=anonymous");
		assertThat(browser.find(".paywall-box").isDisplayed()).isTrue();
		assertThat(browser.find(".article-body section.before-you-read").getText())
			.contains("The talks began in March.");
		assertThat(browser.driver().getPageSource()).doesNotContain(GATED);
		browser.screenshot("2-preview-anonymous");

		browser.open(editorPath + "/preview?as=paid");
		assertThat(browser.find(".article-body").getText()).contains(GATED);
		assertThat(browser.driver().findElements(By.cssSelector(".paywall-box"))).isEmpty();
		browser.screenshot("3-preview-subscriber");

		browser.open(editorPath);
		LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
			.plusHours(1)
			.truncatedTo(ChronoUnit.SECONDS);
		browser.driver().executeScript("document.querySelector('input[name=at]').value = arguments[0]", at.toString());
		browser.find("form.schedule-form button[type=submit]").click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "Scheduled for"));
		assertThat(browser.find(".editor-status .status").getText()).isEqualToIgnoringCase("scheduled");
		browser.screenshot("4-scheduled");
		Visitor reader = new Visitor(port);
		assertThat(reader.get("/p/" + slug).status()).isEqualTo(404);

		clock.advance(Duration.ofHours(1).plusMinutes(1));

		assertThat(reader.get("/p/" + slug).status()).isEqualTo(200);
		browser.open("/");
		assertThat(browser.driver().findElement(By.tagName("main")).getText())
			.contains("Harbour talks: what changed " + slug);
		browser.open("/p/" + slug);
		assertThat(browser.find("h1").getText()).isEqualTo("Harbour talks: what changed " + slug);
		browser.screenshot("5-on-the-site");
	}

	/**
	 * The toolbar's Image button posts to the media endpoint, and the stored image's
	 * Markdown lands in the body.
	 */
	private void uploadAnImage() {
		Path image;
		try {
			image = Files.createTempFile("editor-image", ".png");
			Files.write(image, Base64.getDecoder()
				.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		browser.find(".image-file").sendKeys(image.toString());
		browser.waitFor(driver -> browser.find("textarea[name=now]").getAttribute("value").contains("](/media/"));
	}

	/**
	 * Clicks the toolbar button inserting this block into the pane last written in: the
	 * paywall marker.
	 */
	private void toolbar(String block) {
		browser.find(".toolbar button[data-block=" + block + "]").click();
	}

}
