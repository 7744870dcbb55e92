package org.backstory.billing.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.backstory.HeadlessChromium;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A group licence in Debian's headless Chromium (issue 16 §1's "done when"): a manager
 * buys 3 seats of a group plan at checkout with the sandbox card, gives the group an
 * email domain on {@code /account/group}, and a reader who signs up and verifies an
 * address at that domain reads a paid article whole. Screenshots land in
 * {@code target/screenshots/group-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupLicenceBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	PlanAdministration administration;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Test
	void aManagerBuysSeatsGivesADomainAndAReaderAtThatDomainReadsAPaidArticle() {
		Plan plan = GroupFixtures.groupPlan(catalog, administration, "paid");
		ArticleDraft article = new ArticleFixtures(editor, systemPublisher, taxonomyCreator)
			.published(Visibility.paid());
		String managerEmail = MemberFixtures.reader(members, "group-manager");
		String domain = "school-" + UUID.randomUUID().toString().substring(0, 8) + ".test";

		try (HeadlessChromium manager = new HeadlessChromium(port, "group")) {
			manager.signIn(managerEmail, MemberFixtures.PASSWORD);
			manager.open("/checkout/" + plan.code() + "?seats=5");
			manager.type("seats", "3");
			manager.find("form.seats-form button[type=submit]").click();
			manager.waitFor(ExpectedConditions.urlContains("seats=3"));
			assertThat(manager.find(".seat-terms").getText())
				.isEqualTo("3 seats. 3 seats included (yours among them), each further seat $4.00 a month.");
			manager.type("nameOnCard", "Mona Manager");
			manager.type("cardNumber", SandboxCards.SUCCEEDS);
			manager.type("expiry", BillingFixtures.expiryField());
			manager.type("cvc", "123");
			manager.screenshot("1-checkout-seats");
			assertThat(manager.find("form.card-form button[type=submit]").getText())
				.isEqualTo("Pay $5.00 and subscribe");
			manager.find("form.card-form button[type=submit]").click();

			manager.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".account-group a")));
			manager.find(".account-group a").click();
			manager.waitFor(ExpectedConditions.urlContains("/account/group"));
			manager.type("domain", domain);
			manager.find("form.group-domain button[type=submit]").click();
			manager.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".group-domains li")));
			assertThat(manager.find("p.notice").getText())
				.isEqualTo("Anyone who verifies an address at " + domain + " now joins while seats last.");
			assertThat(manager.find(".seats-used").getText()).isEqualTo("1 of 3");
			manager.screenshot("2-account-group");
			manager.type("add", "2");
			manager.find("form.group-add-seats button[type=submit]").click();
			manager.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".seat-charge")));
			assertThat(manager.find(".seat-price-after").getText()).isEqualTo("$13.00 per month for 5 seats");
			assertThat(manager.find(".group-seats-confirm form button[type=submit]").getText())
				.isEqualTo("Add 2 seats for " + manager.find(".seat-charge").getText());
			manager.screenshot("add-seats");
		}

		String readerEmail = "reader@" + domain;
		try (HeadlessChromium reader = new HeadlessChromium(port, "group")) {
			reader.open("/signup");
			reader.type("email", readerEmail);
			reader.type("name", "Rita Reader");
			reader.submit();
			reader.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your inbox"));
			reader.open(SentMail.lastTo(jdbc, readerEmail).path("/verify"));
			reader.submit();
			reader.waitFor(driver -> !driver.getCurrentUrl().contains("/verify"));

			reader.open("/p/" + article.slug());
			assertThat(reader.find(".article-body").getText()).contains("Gated paragraph of " + article.slug());
			assertThat(reader.driver().findElements(By.cssSelector(".paywall-box"))).isEmpty();
			reader.screenshot("3-reader-reads");
		}
		assertThat(jdbc.sql("""
				select s.seats || ' ' || s.price_amount || ' ' || g.joined_by
				from billing.group_seat g join billing.subscription s on s.id = g.subscription_id
				join members.member m on m.id = g.member_id where lower(m.email) = lower(:email)
				""").param("email", readerEmail).query(String.class).single()).isEqualTo("3 500 domain");
	}

}
