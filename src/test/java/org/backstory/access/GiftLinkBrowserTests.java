package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.HeadlessChromium;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.members.MemberDirectory;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The gift link journey in Debian's headless Chromium (issue 16 §2): a subscriber presses
 * "Gift this article" and copies the link; a browser that never signed in opens it and
 * reads the whole article under the offer to subscribe. Screenshots land in
 * {@code target/screenshots/gift-link-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GiftLinkBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	PlanCatalog plans;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Test
	void aSubscriberGiftsAnArticleAndAnAnonymousBrowserReadsIt() {
		GiftLinkFixtures.Subscriber subscriber = new GiftLinkFixtures(members, plans, checkouts).subscriber();
		ArticleDraft article = new ArticleFixtures(editor, systemPublisher, taxonomyCreator)
			.published(Visibility.paid());
		String link;
		try (HeadlessChromium giver = new HeadlessChromium(port, "gift-link")) {
			giver.signIn(subscriber.email(), GiftLinkFixtures.PASSWORD);
			giver.open("/p/" + article.slug());
			assertThat(giver.find(".gift-counter").getText()).isEqualTo("5 of 5 gifts left this month");
			giver.screenshot("1-gift-box");

			giver.find(".gift-box button[type=submit]").click();

			giver.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.gift-link")));
			link = giver.find("input.gift-link").getAttribute("value");
			assertThat(giver.find(".gift-counter").getText()).isEqualTo("4 of 5 gifts left this month");
			giver.screenshot("2-link-to-copy");
		}
		try (HeadlessChromium recipient = new HeadlessChromium(port, "gift-link")) {
			recipient.open(link.replaceFirst("^https?://[^/]+", ""));

			assertThat(recipient.find(".gift-note").getText())
				.contains("Gina Giver gifted you this article. Subscribe to read everything.");
			assertThat(recipient.find(".article-body").getText()).contains("Gated paragraph of " + article.slug());
			assertThat(recipient.driver().findElements(By.cssSelector(".paywall-box"))).isEmpty();
			recipient.screenshot("3-recipient-reads");
		}
	}

}
