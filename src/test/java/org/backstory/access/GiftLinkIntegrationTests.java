package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.backstory.Visitor;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.checkout.CheckoutService;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Gift links over HTTP (issue 16 §2): a subscriber gifts an article from its page, within
 * their plan's monthly allowance, and anyone with the link reads it whole on up to five
 * browsers for fourteen days; afterwards, and on a sixth browser, the link shows the
 * preview and says why. Staff gift without limit; free members and anonymous visitors
 * cannot gift. Each test has its own subscriber on a plan of its own, so the allowances
 * never meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class GiftLinkIntegrationTests {

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

	@Autowired
	SettableClock clock;

	private ArticleFixtures articles;

	@BeforeEach
	void fixtures() {
		articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@AfterEach
	void backToRealTime() {
		clock.reset();
	}

	@Test
	void aSubscriberGiftsAnArticleAndAnAnonymousBrowserReadsItWhole() {
		Visitor giver = subscriberOnPlanAllowing(2);
		ArticleDraft article = articles.published(Visibility.paid());
		String page = "/p/" + article.slug();

		Visitor.Page before = giver.get(page);
		Visitor.Page given = giftFrom(giver, article);
		String link = linkOn(given);
		Visitor.Page received = new Visitor(port).get(link);

		assertThat(before.document().select(".gift-counter").text()).isEqualTo("2 of 2 gifts left this month");
		assertThat(before.document().select(".gift-link")).isEmpty();
		assertThat(given.document().select(".gift-box .notice").text())
			.isEqualTo("Your gift link is ready: copy it and send it to anyone.");
		assertThat(given.document().select(".gift-counter").text()).isEqualTo("1 of 2 gifts left this month");
		assertThat(link).matches("/p/" + article.slug() + "\\?gift=[A-Za-z0-9_-]{43}");
		assertThat(received.status()).isEqualTo(200);
		assertThat(received.body()).contains("Gated paragraph of " + article.slug());
		assertThat(received.document().select(".paywall-box")).isEmpty();
		assertThat(received.document().select(".gift-note").text())
			.startsWith("Gina Giver gifted you this article. Subscribe to read everything.");
		assertThat(received.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(received.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith(GiftBrowsers.COOKIE + "=")
				.contains("HttpOnly")
				.contains("SameSite=Lax"));
	}

	@Test
	void giftingTheSameArticleAgainThisMonthGivesTheSameLinkAndCostsNothing() {
		Visitor giver = subscriberOnPlanAllowing(2);
		ArticleDraft article = articles.published(Visibility.paid());

		String first = linkOn(giftFrom(giver, article));
		Visitor.Page again = giftFrom(giver, article);

		assertThat(linkOn(again)).isEqualTo(first);
		assertThat(again.document().select(".gift-box .notice").text()).startsWith("This is the link you made");
		assertThat(again.document().select(".gift-counter").text()).isEqualTo("1 of 2 gifts left this month");
	}

	@Test
	void whenTheMonthsGiftsAreUsedUpTheButtonGoesAndAPostIsRefusedWithASentence() {
		Visitor giver = subscriberOnPlanAllowing(1);
		ArticleDraft gifted = articles.published(Visibility.paid());
		ArticleDraft another = articles.published(Visibility.paid());
		giftFrom(giver, gifted);

		Visitor.Page anotherPage = giver.get("/p/" + another.slug());
		Visitor.Page refused = giver.post("/p/" + another.slug() + "/gift", Map.of("_csrf", csrfOf(anotherPage)));
		Visitor.Page after = giver.get("/p/" + another.slug());

		assertThat(anotherPage.document().select(".gift-counter").text()).isEqualTo("0 of 1 gift left this month");
		assertThat(anotherPage.document().select("form[action=/p/" + another.slug() + "/gift]")).isEmpty();
		assertThat(refused.status()).isEqualTo(303);
		assertThat(after.document().select(".gift-box .notice").text())
			.isEqualTo("You've used all your gifts this month. They come back on the 1st of next month (UTC).");
		assertThat(after.document().select(".gift-link")).isEmpty();
		assertThat(after.document().select(".gift-counter").text()).isEqualTo("0 of 1 gift left this month");
	}

	@Test
	void freeMembersAndAnonymousVisitorsCannotGift() {
		ArticleDraft article = articles.published(Visibility.paid());
		String page = "/p/" + article.slug();
		Visitor free = new Visitor(port);
		String email = "free-gifter" + ThreadLocalRandom.current().nextLong(1L << 40) + "@example.test";
		members.createAccount(new NewAccount(email, "Fred Free", GiftLinkFixtures.PASSWORD, MemberRole.MEMBER, true));
		free.signIn(email, GiftLinkFixtures.PASSWORD);
		Visitor anonymous = new Visitor(port);

		Visitor.Page freePage = free.get(page);
		Visitor.Page freePost = free.post(page + "/gift", Map.of("_csrf", csrfOf(freePage)));
		Visitor.Page loginForm = anonymous.get("/login");
		Visitor.Page anonymousPost = anonymous.post(page + "/gift", Map.of("_csrf", csrfOf(loginForm)));

		assertThat(freePage.document().select(".gift-box")).isEmpty();
		assertThat(freePost.status()).isEqualTo(403);
		assertThat(freePost.body())
			.contains("Only subscribers can gift articles, and only those their subscription lets them read.");
		assertThat(anonymous.get(page).document().select(".gift-box")).isEmpty();
		assertThat(anonymousPost.status()).isEqualTo(403);
		assertThat(anonymousPost.body()).contains("Sign in as a subscriber to gift articles.");
	}

	@Test
	void aSubscriberCannotGiftAnArticleOfATierTheirPlanDoesNotGrant() {
		plans.createPlan(BillingFixtures.newPatronPlan());
		Visitor giver = subscriberOnPlanAllowing(2);
		ArticleDraft patronsOnly = articles.published(Visibility.tiers(Set.of("patron")));
		String page = "/p/" + patronsOnly.slug();

		Visitor.Page seen = giver.get(page);
		Visitor.Page refused = giver.post(page + "/gift", Map.of("_csrf", csrfOf(seen)));

		assertThat(seen.body()).doesNotContain("Gated paragraph of " + patronsOnly.slug());
		assertThat(seen.document().select(".gift-box")).isEmpty();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body())
			.contains("Only subscribers can gift articles, and only those their subscription lets them read.");
	}

	@Test
	void staffGiftAsManyArticlesAsTheyLike() {
		Visitor editorVisitor = Visitor.demoAccount(port, "editor@demo.test");
		List<String> links = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			links.add(linkOn(giftFrom(editorVisitor, articles.published(Visibility.paid()))));
		}

		assertThat(links).doesNotHaveDuplicates().allMatch(link -> link.contains("?gift="));
		assertThat(editorVisitor.get(links.get(0).replaceFirst("\\?.*", "")).document().select(".gift-counter").text())
			.isEqualTo("As staff, you can gift as many articles as you like.");
	}

	@Test
	void anExpiredLinkShowsOnlyThePreviewAndSaysWhen() {
		Visitor giver = subscriberOnPlanAllowing(2);
		ArticleDraft article = articles.published(Visibility.paid());
		String link = linkOn(giftFrom(giver, article));

		clock.advance(Duration.ofDays(14).plusMinutes(1));
		Visitor.Page late = new Visitor(port).get(link);

		assertThat(late.status()).isEqualTo(200);
		assertThat(late.body()).contains("Free paragraph of " + article.slug())
			.doesNotContain("Gated paragraph of " + article.slug());
		assertThat(late.document().select(".paywall-box")).isNotEmpty();
		assertThat(late.document().select(".gift-note").text()).startsWith("This gift link expired on ");
		assertThat(late.header("Cache-Control")).isEqualTo("private, no-store");
	}

	@Test
	void aLinkOpensOnFiveBrowsersAndASixthGetsThePreview() {
		Visitor giver = subscriberOnPlanAllowing(2);
		ArticleDraft article = articles.published(Visibility.paid());
		String link = linkOn(giftFrom(giver, article));
		String gated = "Gated paragraph of " + article.slug();

		List<Visitor> browsers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Visitor browser = new Visitor(port);
			assertThat(browser.get(link).body()).contains(gated);
			browsers.add(browser);
		}
		Visitor.Page sixth = new Visitor(port).get(link);
		Visitor.Page firstAgain = browsers.get(0).get(link);
		Visitor forger = new Visitor(port);
		forger.plantCookie(GiftBrowsers.COOKIE, browsers.get(1).cookie(GiftBrowsers.COOKIE) + "x");
		Visitor.Page forged = forger.get(link);

		assertThat(sixth.body()).doesNotContain(gated);
		assertThat(sixth.document().select(".gift-note").text())
			.startsWith("This gift link has already been opened on 5 browsers, the most one link allows.");
		assertThat(firstAgain.body()).contains(gated);
		assertThat(forged.body()).doesNotContain(gated);
	}

	@Test
	void anUnknownOrMalformedTokenShowsThePreviewNeverAnError() {
		ArticleDraft article = articles.published(Visibility.paid());
		String page = "/p/" + article.slug();

		for (String token : List.of("nonsense", "A".repeat(43), "")) {
			Visitor.Page answer = new Visitor(port).get(page + "?gift=" + token);

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).doesNotContain("Gated paragraph of " + article.slug());
			assertThat(answer.document().select(".paywall-box")).isNotEmpty();
		}
	}

	@Test
	void theOwnerSetsAPlansMonthlyGiftsOnThePlansPage() {
		Plan plan = plans.createPlan(BillingFixtures.newPlan());
		Visitor owner = Visitor.demoAccount(port, "owner@demo.test");
		String action = "/admin/settings/plans/" + plan.code() + "/gift-links";

		Visitor.Page bad = owner.submit("/admin/settings/plans", action, Map.of("giftLinksPerMonth", "many"));
		Visitor.Page saved = owner.submit("/admin/settings/plans", action, Map.of("giftLinksPerMonth", "3"));

		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.document().select("#plan-" + plan.code() + " .error").text())
			.isEqualTo("Gift links a month must be a whole number from 0 to 1000.");
		assertThat(saved.status()).isEqualTo(303);
		assertThat(owner.get("/admin/settings/plans")
			.document()
			.select("#plan-" + plan.code() + " input[name=giftLinksPerMonth]")
			.attr("value")).isEqualTo("3");
	}

	/**
	 * A new subscriber signed in, on a plan of their own whose monthly gifts the owner
	 * sets to {@code allowance} on the plans page.
	 */
	private Visitor subscriberOnPlanAllowing(int allowance) {
		GiftLinkFixtures.Subscriber subscriber = new GiftLinkFixtures(members, plans, checkouts).subscriber();
		Visitor owner = Visitor.demoAccount(port, "owner@demo.test");
		Visitor.Page set = owner.submit("/admin/settings/plans",
				"/admin/settings/plans/" + subscriber.planCode() + "/gift-links",
				Map.of("giftLinksPerMonth", Integer.toString(allowance)));
		assertThat(set.status()).isEqualTo(303);
		Visitor giver = new Visitor(port);
		giver.signIn(subscriber.email(), GiftLinkFixtures.PASSWORD);
		return giver;
	}

	/** Presses "Gift this article" on the article's page; the page it lands on. */
	private static Visitor.Page giftFrom(Visitor giver, ArticleDraft article) {
		String page = "/p/" + article.slug();
		Visitor.Page answer = giver.submit(page, page + "/gift", Map.of());
		assertThat(answer.status()).isEqualTo(303);
		return giver.get(page);
	}

	/** The gift link the page shows, as a path on this site. */
	private static String linkOn(Visitor.Page page) {
		Element field = page.document().selectFirst("input.gift-link");
		assertThat(field).as("a gift link on the page").isNotNull();
		return field.attr("value").replaceFirst("^https?://[^/]+", "");
	}

	private static String csrfOf(Visitor.Page page) {
		Element field = page.document().selectFirst("input[name=_csrf]");
		assertThat(field).as("a CSRF field on the page").isNotNull();
		return field.attr("value");
	}

}
