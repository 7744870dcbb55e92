package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.ArticleFixtures;
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

/**
 * Issue 14's story in Debian's headless Chromium, step by step: a subscriber reads part 2
 * of the demo storyline; an editor writes its next part with "Suggest background" (an
 * inserted recap line, the stale-background warning and its insert button), quotes a demo
 * entity, confirms the mention and publishes; the subscriber comes back to "New since you
 * last read" on the storyline and on the new part, with "The story so far" before it; the
 * entity's page lists the new quote. The new part is deleted afterwards (its reading
 * rows, mentions and quote go with it), so the demo storyline is as it was. Screenshots
 * land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackstoryBrowserTests {

	private static final String STORYLINE = "kestria-orvenna-thaw";

	private static final String PART_2 = "/p/port-anselm-summits";

	private static final String SUBSCRIBER = "subscriber@demo.test";

	private static final String OLDER_EVENT = "Orvenna's parliament in Sael votes the Halvard Bank deal down.";

	private static final String NEWEST_EVENT = "President Rusk phones Chancellor Illis on her first day in office.";

	private static final String QUOTE = "We will talk again, and this time we will finish.";

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	ArticleDesk desk;

	private HeadlessChromium browser;

	private String editorEmail;

	private String slug;

	private Long written;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "backstory");
		editorEmail = MemberFixtures.account(directory, "backstory-editor", MemberRole.EDITOR);
		slug = ArticleFixtures.unique("talks-again");
	}

	@AfterEach
	void putBackTheDemoStoryline() {
		browser.close();
		if (written != null) {
			MemberProfile editor = directory.findByEmail(editorEmail).orElseThrow();
			desk.delete(written, new SignedInMember(editor.id(), editor.email(), editor.name(), editor.role()));
		}
	}

	@Test
	void anEditorWritesTheNextPartFromTheArchiveAndAReaderCatchesUp() {
		aSubscriberReadsPartTwo();
		signOut();

		browser.signIn(editorEmail, MemberFixtures.PASSWORD);
		theEditorWritesTheNextPartWithSuggestedBackground();
		theEditorConfirmsTheMentionAndPublishes();
		signOut();

		browser.signIn(SUBSCRIBER, "demo-password");
		theSubscriberSeesWhatIsNewSinceTheyLastRead();
		theEntityPageListsTheNewQuote();
	}

	private void aSubscriberReadsPartTwo() {
		browser.signIn(SUBSCRIBER, "demo-password");
		browser.open(PART_2);
		assertThat(browser.driver().findElements(By.cssSelector(".paywall-box"))).isEmpty();
		browser.screenshot("1-part-two-read");
		theNowPartReadsAsOneSectionWhereThePaywallCutIt();
	}

	/**
	 * Part 4's paywall marker sits in its now part: a subscriber sees one section, not a
	 * box split in two.
	 */
	private void theNowPartReadsAsOneSectionWhereThePaywallCutIt() {
		browser.open("/p/a-phone-call-from-sael");
		WebElement first = browser.find(".article-body > .whats-going-on-now");
		WebElement rest = browser
			.find(".article-body > .paywalled-content > .whats-going-on-now.continued:first-child");
		assertThat(first.findElements(By.tagName("h2"))).hasSize(1);
		assertThat(rest.findElements(By.tagName("h2"))).isEmpty();
		assertThat(first.getCssValue("margin-bottom")).isEqualTo("0px");
		assertThat(rest.getCssValue("margin-top")).isEqualTo("0px");
		browser.screenshot("1-one-now-part");
	}

	private void theEditorWritesTheNextPartWithSuggestedBackground() {
		browser.open("/admin/articles/new");
		browser.type("title", "Kestria and Orvenna agree to talk again");
		browser.type("dek", "A second round of talks on the Halvard Bank, with smaller goals.");
		browser.type("slug", slug);
		new Select(browser.find("select[name=storyline]")).selectByValue(STORYLINE);
		browser.waitFor(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".suggested-events"), NEWEST_EVENT));
		insertRecapOf(".suggested-events", OLDER_EVENT);
		assertThat(background()).startsWith("On ")
			.contains(
					", Orvenna's parliament in Sael votes the Halvard Bank deal down ([more](/p/halvard-deal-collapse)).");
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stale-background"),
				"The story has moved on: 2 newer events aren't in the background"));
		browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(".suggest-background"));
		browser.screenshot("2-stale-background");

		insertRecapOf(".stale-background", NEWEST_EVENT);
		assertThat(background()).contains(
				"President Rusk phones Chancellor Illis on her first day in office ([more](/p/a-phone-call-from-sael)).");
		browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".stale-background")));
		assertThat(browser.find(".suggested-articles").getText()).contains("Insert a linked recap line");

		WebElement textarea = browser.find("textarea[name=now]");
		textarea.sendKeys("Negotiators from both capitals met in Calvera this week.\n\n> \"" + QUOTE
				+ "\" — Tavio Rusk, " + LocalDate.now(ZoneOffset.UTC) + "\n\nThe next meeting is set for spring.");
		browser.waitFor(
				ExpectedConditions.textMatches(By.cssSelector(".save-state"), Pattern.compile("Saved \\d\\d:\\d\\d")));
		browser.waitFor(ExpectedConditions.urlMatches("/admin/articles/\\d+$"));
		written = Long.valueOf(browser.driver().getCurrentUrl().replaceFirst(".*/", ""));
		browser.submit();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), "Saved at"));
		browser.screenshot("3-written");
	}

	private void theEditorConfirmsTheMentionAndPublishes() {
		WebElement mention = browser.find(".editor-mentions label:has(a[href='/who/tavio-rusk']) input[name=kept]");
		assertThat(mention.isSelected()).isTrue();
		submitAndWaitForFlash(".editor-mentions button[type=submit]", "Mentions saved.");
		submitAndWaitForFlash(".editor-publish form[action$='/publish'] button[type=submit]", "Published on the site.");
		browser.screenshot("4-published");
	}

	private void theSubscriberSeesWhatIsNewSinceTheyLastRead() {
		browser.open("/story/" + STORYLINE);
		assertThat(browser.find(".catchup").getText()).startsWith("New since you last read");
		assertThat(browser.driver().findElements(By.cssSelector("a[href='" + PART_2 + "'] ~ .read-mark"))).hasSize(1);
		browser.screenshot("5-storyline-catchup");

		browser.open("/p/" + slug);
		assertThat(browser.find(".catchup").getText()).startsWith("New since you last read");
		assertThat(browser.find("aside.story-so-far").getText()).contains("The story so far", NEWEST_EVENT);
		assertThat(browser.find(".article-body").getText()).contains(QUOTE);
		browser.screenshot("6-new-part");
	}

	private void theEntityPageListsTheNewQuote() {
		browser.open("/who/tavio-rusk");
		WebElement quote = browser.driver()
			.findElement(By.xpath("//section[contains(@class,'quote-index')]//li[contains(., \"" + QUOTE + "\")]"));
		assertThat(quote.findElements(By.cssSelector("a[href='/p/" + slug + "']"))).hasSize(1);
		browser.screenshot("7-entity-quote");
	}

	private void insertRecapOf(String list, String summary) {
		browser.driver()
			.findElement(By
				.xpath("//*[contains(@class,'" + list.substring(1) + "')]//li[.//span[@class='suggestion-text' and "
						+ "text()=\"" + summary + "\"]]//button[contains(@class,'insert-recap')]"))
			.click();
	}

	/**
	 * Submits a form and waits for the next page's flash, not the one still on this page.
	 */
	private void submitAndWaitForFlash(String button, String flash) {
		WebElement before = browser.find("p.flash");
		browser.find(button).click();
		browser.waitFor(ExpectedConditions.stalenessOf(before));
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash"), flash));
	}

	private String background() {
		return browser.find("textarea[name=background]").getAttribute("value");
	}

	private void signOut() {
		browser.driver().findElement(By.cssSelector("header form[action='/logout'] button")).click();
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header a[href='/login']")));
	}

}
