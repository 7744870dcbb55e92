package org.backstory.admin.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.backstory.AxeCore;
import org.backstory.HeadlessChromium;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BillingInterval;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.checkout.Checkout;
import org.backstory.billing.checkout.CheckoutOutcome;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.members.MemberActivity;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.NewAccount;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The two engagement pages in Debian's headless Chromium, with a subscriber who came from
 * an article: axe-core finds no serious or critical violation on either, and each is
 * photographed for {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngagementBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog plans;

	@Autowired
	CheckoutService checkouts;

	@Autowired
	OptIns optIns;

	@Autowired
	MemberRoster roster;

	@Autowired
	MemberActivity activity;

	@Autowired
	Newsletters newsletters;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	private HeadlessChromium browser;

	@BeforeEach
	void signIn() {
		browser = new HeadlessChromium(port, "engagement");
		browser.signIn(MemberFixtures.account(directory, "engagementa11y", MemberRole.ADMINISTRATOR),
				MemberFixtures.PASSWORD);
	}

	@AfterEach
	void stopBrowser() {
		browser.close();
	}

	@Test
	void bothPagesHaveNoSeriousViolations() {
		ArticleDraft article = new ArticleFixtures(editor, systemPublisher, taxonomyCreator)
			.published(Visibility.paid());
		Plan plan = plans.createPlan(BillingFixtures.newPlan());
		String email = MemberFixtures.uniqueEmail("engaged-browser");
		long memberId = directory.createAccount(new NewAccount(email, "Ada Engaged", null, MemberRole.MEMBER, true));
		roster.attributeSignups(Map.of(memberId, article.id()));
		activity.seen(memberId);
		long newsletterId = newsletters.all().get(0).id();
		optIns.optIn(memberId, newsletterId);
		assertThat(checkouts.checkout(new Checkout(memberId, email, plan.code(), BillingInterval.MONTH,
				UUID.randomUUID(), BillingFixtures.card(SandboxCards.SUCCEEDS), null, article.id())))
			.isInstanceOf(CheckoutOutcome.Subscribed.class);
		optIns.optOut(memberId, newsletterId);

		browser.open("/admin/dashboard/articles/" + article.id());
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("engagement-members")));
		assertThat(browser.find("#engagement-subscriptions").getText()).isEqualTo("1");
		assertThat(AxeCore.seriousViolations(browser)).isEmpty();
		browser.screenshot("article");

		browser.open("/admin/members/" + memberId);
		browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("member-activity-heading")));
		assertThat(browser.driver().findElements(By.cssSelector(".activity-feed li"))).hasSizeGreaterThan(3);
		assertThat(browser.find(".activity-signup a").getText()).isEqualTo(article.title());
		assertThat(browser.find(".activity-feed li:last-child").getAttribute("class"))
			.as("signed up and confirmed at the same instant: the sign-up is the oldest")
			.isEqualTo("activity-signup");
		assertThat(AxeCore.seriousViolations(browser)).isEmpty();
		browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find("#member-activity-heading"));
		browser.screenshot("member");
	}

}
