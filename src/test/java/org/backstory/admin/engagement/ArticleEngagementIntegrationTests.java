package org.backstory.admin.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.email.SentMail;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.newsletters.Audience;
import org.backstory.newsletters.NewsletterSends;
import org.backstory.newsletters.Newsletters;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An article's engagement page over HTTP: a reader signs up and subscribes from the
 * article's paywall, gifts it, an anonymous browser opens the gift, a free member reads
 * it through the meter (on here, one read a month, as in
 * {@code MeteredReadingIntegrationTests}, whose context this shares), and it is scheduled
 * to a newsletter; the page counts each, and its revenue is the dashboard's revenue per
 * article for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backstory.access.metered-reads=1")
class ArticleEngagementIntegrationTests {

	private static final String PASSWORD = "engagement-password";

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
	NewsletterSends sends;

	@Autowired
	Newsletters newsletters;

	@Autowired
	Clock clock;

	private ArticleFixtures articles;

	private Plan plan;

	@BeforeEach
	void fixtures() {
		articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		plan = catalog.createPlan(BillingFixtures.newPlan());
	}

	@Test
	void theArticlesPageCountsWhatItBroughtAndItsRevenueIsTheDashboards() {
		ArticleDraft article = articles.published(Visibility.paid());
		String page = "/p/" + article.slug();
		Visitor subscriber = signUpAndSubscribeFrom(article);
		Visitor.Page gifted = subscriber.submit(page, page + "/gift", Map.of());
		assertThat(gifted.status()).isEqualTo(303);
		String link = subscriber.get(page).document().selectFirst("input.gift-link").attr("value");
		assertThat(new Visitor(port).get(link.replaceFirst("^https?://[^/]+", "")).status()).isEqualTo(200);
		Visitor free = freeMember();
		assertThat(free.get(page).document().select(".notice").text()).contains("free article");
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);
		long newsletterId = newsletters.all().get(0).id();
		long send = sends.schedule(article.id(), newsletterId, Audience.ALL, clock.instant().plus(Duration.ofDays(30)),
				null);
		Document engagement;
		try {
			engagement = administrator.get("/admin/dashboard/articles/" + article.id()).document();
		}
		finally {
			sends.cancel(send, "test over");
		}

		assertThat(engagement.selectFirst("h1").text()).isEqualTo(article.title());
		assertThat(engagement.select("#engagement-signups").text()).isEqualTo("1");
		assertThat(engagement.select("#engagement-signups + dd").text()).isEqualTo("1 confirmed their address");
		assertThat(engagement.select("#engagement-subscriptions").text()).isEqualTo("1");
		assertThat(engagement.select("#engagement-paid").text()).isEqualTo("1");
		assertThat(engagement.select("#engagement-revenue").text()).isEqualTo("$5.00 a month");
		assertThat(engagement.select("#engagement-gift-links").text()).isEqualTo("1");
		assertThat(engagement.select("#engagement-gift-browsers").text()).isEqualTo("1");
		assertThat(engagement.select("#engagement-metered").text()).isEqualTo("1");
		assertThat(engagement.select(".engagement-sends tbody tr")).hasSize(1);
		assertThat(engagement.select(".engagement-sends tbody tr td").eachText())
			.startsWith(newsletters.all().get(0).name())
			.contains("scheduled");
		Document dashboard = administrator.get("/admin/dashboard").document();
		assertThat(dashboard.select("#revenue-per-article tbody tr")
			.stream()
			.filter(row -> row.selectFirst("td").text().equals(article.title()))
			.map(Element::text)).containsExactly(article.title() + " 1 $5.00");
	}

	@Test
	void theArticleListAndEditorLinkToItForThoseWhoSeeRevenueOnly() {
		ArticleDraft article = articles.published(Visibility.paid());
		String engagement = "/admin/dashboard/articles/" + article.id();
		Visitor administrator = staff(MemberRole.ADMINISTRATOR);
		Visitor editorVisitor = staff(MemberRole.EDITOR);

		assertThat(administrator.get("/admin/articles/" + article.id()).document().select("a[href=" + engagement + "]"))
			.hasSize(1);
		assertThat(administrator.get("/admin/articles?q=" + article.slug())
			.document()
			.select("a[href=" + engagement + "]")).hasSize(1);
		assertThat(editorVisitor.get("/admin/articles/" + article.id()).document().select("a.engagement-link"))
			.isEmpty();
		assertThat(editorVisitor.get("/admin/articles?q=" + article.slug()).document().select("a.engagement-link"))
			.isEmpty();
		assertThat(editorVisitor.get(engagement).status()).isEqualTo(403);
		assertThat(administrator.get("/admin/dashboard/articles/999999999").status()).isEqualTo(404);
	}

	/**
	 * Signs up from the article's paywall box, confirms the address and pays by card, as
	 * the reader would.
	 */
	private Visitor signUpAndSubscribeFrom(ArticleDraft article) {
		Visitor reader = new Visitor(port);
		String email = MemberFixtures.uniqueEmail("engaged");
		String next = URLEncoder.encode("/checkout/" + plan.code() + "?interval=month&article=" + article.id(),
				StandardCharsets.UTF_8);
		Visitor.Page signedUp = reader.submit("/signup?next=" + next + "&article=" + article.id(), "/signup",
				Map.of("email", email, "name", "Enga Reader"));
		assertThat(signedUp.status()).isEqualTo(200);
		Visitor.Page confirmed = reader.submit(SentMail.lastTo(jdbc, email).path("/verify"), "/verify", Map.of());
		assertThat(confirmed.status()).isEqualTo(302);
		String checkout = confirmed.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(checkout).contains("article=" + article.id());
		Visitor.Page paid = reader.submit(checkout, "/checkout/" + plan.code(), Map.of("nameOnCard", "Enga Reader",
				"cardNumber", SandboxCards.SUCCEEDS, "expiry", BillingFixtures.expiryField(), "cvc", "123"));
		assertThat(paid.status()).isEqualTo(303);
		return reader;
	}

	private Visitor freeMember() {
		String email = "engagement" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		directory.createAccount(new NewAccount(email, "Free Reader", PASSWORD, MemberRole.MEMBER, true));
		Visitor reader = new Visitor(port);
		reader.signIn(email, PASSWORD);
		return reader;
	}

	private Visitor staff(MemberRole role) {
		String email = MemberFixtures.account(directory, "engagement-" + role.name().toLowerCase(), role);
		Visitor visitor = new Visitor(port);
		visitor.signIn(email, MemberFixtures.PASSWORD);
		return visitor;
	}

}
