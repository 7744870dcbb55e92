package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import org.backstory.HeadlessChromium;
import org.backstory.LoopbackSmtp;
import org.backstory.OwnDatabase;
import org.backstory.email.Await;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Following a storyline in Debian's headless Chromium (issue 14 §2): a reader signs in
 * from an article's follow button and follows the story, an editor publishes its next
 * part from the publish page, and the reader's inbox (GreenMail) has the follow email
 * linking to the new part, which opens in the browser. Screenshots land in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OwnDatabase("follow_browser")
class FollowStorylineBrowserTests {

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		NewsletterFixtures.sendQuicklyTo(smtp, registry);
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	MemberDirectory members;

	@Autowired
	Newsletters newsletters;

	private HeadlessChromium browser;

	@BeforeEach
	void startBrowser() {
		browser = new HeadlessChromium(port, "follow");
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void aReaderFollowsFromAnArticleAndGetsTheNextPartByEmail() {
		newsletters.create(NewsletterFixtures.settings());
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Storyline story = fixtures.storyline();
		ArticleDraft first = fixtures.part(story, Visibility.everyone());
		fixtures.publish(first);
		String reader = MemberFixtures.reader(members, "browser-follower");
		String editorEmail = MemberFixtures.account(members, "browser-editor", MemberRole.EDITOR);

		browser.open("/p/" + first.slug());
		browser.find("#follow a.follow-button").click();
		browser.waitFor(ExpectedConditions.urlContains("/login"));
		browser.type("email", reader);
		browser.type("password", MemberFixtures.PASSWORD);
		browser.submit();
		browser.waitFor(ExpectedConditions.urlContains("/p/" + first.slug()));
		browser.find("form.follow-form button").click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.follow-form button"),
				"Following ✓ — unfollow"));
		browser.screenshot("1-following");
		browser.driver().manage().deleteAllCookies();

		ArticleDraft next = fixtures.part(story, Visibility.everyone());
		long nextId = editor.save(next);
		browser.signIn(editorEmail, MemberFixtures.PASSWORD);
		browser.open("/admin/publish/" + nextId);
		browser.driver().findElement(By.cssSelector("input[name=mode][value=SITE]")).click();
		browser.screenshot("2-publish");
		browser.find("form[action='/admin/publish/" + nextId + "'] button[type=submit]").click();
		browser.waitFor(driver -> !driver.getCurrentUrl().endsWith("/admin/publish/" + nextId));

		Await.until("the follow email reaches " + reader, Duration.ofSeconds(30), () -> !to(reader).isEmpty());
		List<ReceivedMail> mails = to(reader);
		assertThat(mails).hasSize(1);
		String link = mails.get(0).html().replaceAll("(?s).*?href=\"([^\"]*/p/" + next.slug() + ")\".*", "$1");
		assertThat(link).endsWith("/p/" + next.slug());
		browser.open(link.substring(link.indexOf("/p/")));
		assertThat(browser.find("h1").getText()).isEqualTo(next.title());
		browser.screenshot("3-new-part");
	}

	private static List<ReceivedMail> to(String address) {
		return ReceivedMail.sendsTo(smtp, address);
	}

}
