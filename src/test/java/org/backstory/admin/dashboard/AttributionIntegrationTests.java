package org.backstory.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.BusinessHistory;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberGrowth;
import org.backstory.members.MemberRole;
import org.backstory.members.MembersProbe;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which article a reader signed up and subscribed from: carried in links and hidden
 * fields from the paywall box through sign-up and checkout, and counted by the dashboard
 * and on the article's engagement page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class AttributionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory directory;

	@Autowired
	PlanCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	MemberGrowth growth;

	@Autowired
	BusinessHistory business;

	private ArticleFixtures articles;

	private Plan plan;

	@BeforeEach
	void fixtures() {
		articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void aReaderWhoSignsUpAndSubscribesFromAPaywallIsCreditedToTheArticle() {
		Instant start = Instant.now().minusSeconds(1);
		ArticleDraft article = articles.published(Visibility.paid());
		Visitor reader = new Visitor(port);

		Visitor.Page articlePage = reader.get("/p/" + article.slug());
		String subscribe = articlePage.document().select(".paywall-box a.button").attr("href");
		assertThat(subscribe).isEqualTo("/subscribe?next=%2Fp%2F" + article.slug() + "&article=" + article.id());
		String signUp = offer(reader.get(subscribe).document()).select("a").first().attr("href");
		assertThat(signUp).endsWith("&article=" + article.id());
		String email = MemberFixtures.uniqueEmail("from-article");
		assertThat(reader.submit(signUp, "/signup", Map.of("email", email, "name", "Ada Reader")).status())
			.isEqualTo(200);
		Visitor.Page confirmed = reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());
		assertThat(confirmed.status()).isEqualTo(302);
		String checkout = confirmed.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(checkout).startsWith("/checkout/" + plan.code()).contains("article=" + article.id());
		Visitor.Page paid = reader.submit(checkout, "/checkout/" + plan.code(), Map.of("nameOnCard", "Ada Reader",
				"cardNumber", SandboxCards.SUCCEEDS, "expiry", BillingFixtures.expiryField(), "cvc", "123"));
		assertThat(paid.status()).isEqualTo(303);

		Instant end = Instant.now().plusSeconds(1);
		assertThat(growth.signupsByArticle(start, end, DashboardFigures.TOP_ARTICLES))
			.contains(new MemberGrowth.ArticleCount(article.id(), 1));
		assertThat(business.subscriptionsByArticle(start, end, DashboardFigures.TOP_ARTICLES))
			.contains(new BusinessHistory.ArticleCount(article.id(), 1));
		Document engagement = staff(MemberRole.ADMINISTRATOR).get("/admin/dashboard/articles/" + article.id())
			.document();
		assertThat(engagement.select("#engagement-signups").text()).isEqualTo("1");
		assertThat(engagement.select("#engagement-subscriptions").text()).isEqualTo("1");
	}

	@Test
	void theArticlePageCarriesTheArticleWithoutACookieOrSession() {
		ArticleDraft article = articles.published(Visibility.members());

		Visitor.Page page = new Visitor(port).get("/p/" + article.slug());

		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(page.document().select(".paywall-box a.button").attr("href"))
			.isEqualTo("/signup?next=%2Fp%2F" + article.slug() + "&article=" + article.id());
		assertThat(page.document().select("header a.button").attr("href"))
			.isEqualTo("/subscribe?next=%2Fp%2F" + article.slug() + "&article=" + article.id());
	}

	@Test
	void anArticleIdThatIsNoArticleIsIgnored() {
		String email = MemberFixtures.uniqueEmail("no-article");
		Visitor reader = new Visitor(port);

		Visitor.Page form = reader.get("/signup?article=999999999");
		Visitor.Page signedUp = reader.submit("/signup?article=999999999", "/signup",
				Map.of("email", email, "name", "Ada Reader", "article", "42x"));

		assertThat(form.document().select("input[name=article]")).isEmpty();
		assertThat(signedUp.status()).isEqualTo(200);
		assertThat(MembersProbe.signupArticleOf(jdbc, email)).isEmpty();
		assertThat(reader.get("/subscribe?article=999999999").document().select("li.plan a").eachAttr("href"))
			.noneMatch(href -> href.contains("article"));
	}

	private Element offer(Document page) {
		return page.select("li.plan")
			.stream()
			.filter(li -> li.select("a").attr("href").contains(plan.code()))
			.findFirst()
			.orElseThrow();
	}

	private Visitor staff(MemberRole role) {
		String email = MemberFixtures.account(directory, role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
