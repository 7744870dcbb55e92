package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.backstory.Visitor;
import org.backstory.api.ContentApiFixtures;
import org.backstory.api.Integrations;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anonymous meter over HTTP (issue 16 §3), with an allowance of 3: a reader who is
 * not signed in reads three paid articles (the first through the paywall box's offer, the
 * rest at once), reads one again for free, and meets the registration wall on the fourth;
 * a forged, foreign or last month's cookie is a fresh meter; members' articles, feeds,
 * the Content API and verified crawlers are never metered, nor is a paid article an
 * editor exempted; and each answer says who may cache it. Puts the allowance back to what
 * it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousMeterIntegrationTests {

	private static final String SHARED = "public, max-age=60";

	private static final String PERSONAL = "private, no-store";

	private static final String CRAWLER = "203.0.113.88";

	private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	private static final String API_INTEGRATION = ArticleFixtures.unique("anonymous-meter-api");

	@LocalServerPort
	int port;

	@Autowired
	MeteringSettings metering;

	@Autowired
	AnonymousMeterCookies cookies;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	ScriptedHostResolver dns;

	@Autowired
	Integrations integrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final List<ArticleDraft> paid = new ArrayList<>();

	ArticleDraft membersOnly;

	ArticleDraft everyone;

	ArticleDraft exempt;

	int allowanceBefore;

	@BeforeAll
	void publishArticles() {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		for (int i = 0; i < 4; i++) {
			paid.add(fixtures.published(Visibility.paid()));
		}
		membersOnly = fixtures.published(Visibility.members());
		everyone = fixtures.published(Visibility.everyone());
		exempt = fixtures.publishedMeterExempt(Visibility.paid());
		dns.answer(CRAWLER, "crawl-" + CRAWLER.replace('.', '-') + ".googlebot.com", CRAWLER);
	}

	@BeforeEach
	void turnTheMeterOn() {
		allowanceBefore = metering.anonymousReadsPerMonth();
		metering.changeAnonymous(3);
	}

	@AfterEach
	void putTheAllowanceBack() {
		metering.changeAnonymous(allowanceBefore);
	}

	@AfterAll
	void unpublish() {
		paid.forEach(draft -> systemPublisher.unpublish(draft.id()));
		systemPublisher.unpublish(membersOnly.id());
		systemPublisher.unpublish(everyone.id());
		systemPublisher.unpublish(exempt.id());
		ContentApiFixtures.remove(jdbc, API_INTEGRATION);
	}

	@Test
	void withoutACookieAPaidArticleIsThePreviewAnyCacheMayKeepWithTheMetersOffer() {
		Visitor.Page page = new Visitor(port).get(path(paid.get(0)));

		assertThat(page.body()).contains(free(paid.get(0))).doesNotContain(gated(paid.get(0)));
		assertThat(page.header("Cache-Control")).isEqualTo(SHARED);
		assertThat(page.headers().allValues("Vary")).contains("Cookie");
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(page.document().select(".paywall-box").attr("data-remedy")).isEqualTo("SUBSCRIBE_OR_LOG_IN");
		assertThat(page.document().select(".paywall-box .free-read a").attr("href"))
			.isEqualTo(path(paid.get(0)) + "?free");
		assertThat(page.document().select(".paywall-box .free-read").text())
			.isEqualTo("Read it free: 3 free articles a month, no sign-up needed");
	}

	@Test
	void countsEachPaidArticleOnceThenShowsTheRegistrationWall() {
		Visitor reader = new Visitor(port);

		Visitor.Page first = reader.get(path(paid.get(0)) + "?free");
		String cookieAfterFirst = meterCookie(first);
		Visitor.Page second = reader.get(path(paid.get(1)));
		Visitor.Page firstAgain = reader.get(path(paid.get(0)));
		Visitor.Page third = reader.get(path(paid.get(2)));
		Visitor.Page fourth = reader.get(path(paid.get(3)));

		assertThat(first.body()).contains(gated(paid.get(0)));
		assertThat(notice(first)).isEqualTo("2 of 3 free articles left this month.");
		assertThat(cookieAfterFirst).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
		assertThat(second.body()).contains(gated(paid.get(1)));
		assertThat(notice(second)).isEqualTo("1 of 3 free articles left this month.");
		assertThat(firstAgain.body()).contains(gated(paid.get(0)));
		assertThat(notice(firstAgain)).isEqualTo("1 of 3 free articles left this month.");
		assertThat(firstAgain.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(notice(third)).isEqualTo("0 of 3 free articles left this month.");
		assertThat(fourth.body()).contains(free(paid.get(3))).doesNotContain(gated(paid.get(3)));
		assertThat(fourth.document().select(".paywall-box").attr("data-remedy")).isEqualTo("REGISTER");
		assertThat(fourth.document().select(".paywall-box h2").text()).isEqualTo("Sign up free to keep reading");
		assertThat(fourth.document().select(".paywall-box a.button").attr("href"))
			.isEqualTo("/signup?next=%2Fp%2F" + paid.get(3).slug() + "&article=" + paid.get(3).id());
		assertThat(fourth.document().select(".paywall-box .free-read")).isEmpty();
		assertThat(fourth.headers().allValues("Set-Cookie")).isEmpty();
		for (Visitor.Page page : List.of(first, second, firstAgain, third, fourth)) {
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.header("Cache-Control")).isEqualTo(PERSONAL);
		}
	}

	@Test
	void aForgedCookieIsAFreshMeterNeverAnError() {
		Visitor reader = new Visitor(port);
		usedUp(reader);
		String usedUp = reader.cookie(RequestOrigin.METER_COOKIE);
		String[] parts = usedUp.split("\\.");
		reader.plantCookie(RequestOrigin.METER_COOKIE, parts[0] + "." + paid.get(3).id() + "." + parts[2]);

		Visitor.Page forged = reader.get(path(paid.get(3)));
		Visitor.Page garbage = withCookie("not-a-meter!").get(path(paid.get(0)));

		assertThat(forged.status()).isEqualTo(200);
		assertThat(notice(forged)).isEqualTo("2 of 3 free articles left this month.");
		String reissued = meterCookie(forged).split(";")[0].substring(RequestOrigin.METER_COOKIE.length() + 1);
		assertThat(cookies.read(reissued, month())).containsExactly(paid.get(3).id());
		assertThat(garbage.status()).isEqualTo(200);
		assertThat(notice(garbage)).isEqualTo("2 of 3 free articles left this month.");
		assertThat(garbage.header("Cache-Control")).isEqualTo(PERSONAL);
	}

	@Test
	void lastMonthsCookieIsAFreshMeter() {
		Set<Long> all = Set.of(paid.get(0).id(), paid.get(1).id(), paid.get(2).id());
		String lastMonth = cookies.write(all, month().minusMonths(1), clock.instant()).getValue();

		Visitor.Page page = withCookie(lastMonth).get(path(paid.get(3)));

		assertThat(page.body()).contains(gated(paid.get(3)));
		assertThat(notice(page)).isEqualTo("2 of 3 free articles left this month.");
	}

	@Test
	void articlesForMembersAndForEveryoneAreNeverMeteredAndStayShared() {
		Visitor reader = new Visitor(port);
		usedUp(reader);

		Visitor.Page members = reader.get(path(membersOnly));
		Visitor.Page open = reader.get(path(everyone));

		assertThat(members.body()).doesNotContain(gated(membersOnly));
		assertThat(members.document().select(".paywall-box").attr("data-remedy")).isEqualTo("SIGN_UP");
		assertThat(open.body()).contains(gated(everyone));
		for (Visitor.Page page : List.of(members, open)) {
			assertThat(page.document().select(".notice")).isEmpty();
			assertThat(page.header("Cache-Control")).isEqualTo(SHARED);
			assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void anExemptPaidArticleIsTheSharedSubscribeBoxAndLeavesTheMeterAlone() {
		Visitor reader = new Visitor(port);
		Visitor.Page fresh = reader.get(path(exempt));
		reader.get(path(paid.get(0)) + "?free");
		String cookie = reader.cookie(RequestOrigin.METER_COOKIE);

		Visitor.Page withMeter = reader.get(path(exempt));
		Visitor.Page askingForAFreeRead = reader.get(path(exempt) + "?free");

		for (Visitor.Page page : List.of(fresh, withMeter, askingForAFreeRead)) {
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains(free(exempt)).doesNotContain(gated(exempt));
			assertThat(page.document().select(".paywall-box").attr("data-remedy")).isEqualTo("SUBSCRIBE_OR_LOG_IN");
			assertThat(page.document().select(".paywall-box .free-read")).isEmpty();
			assertThat(page.document().select(".notice")).isEmpty();
			assertThat(page.header("Cache-Control")).isEqualTo(SHARED);
			assertThat(page.headers().allValues("Vary")).contains("Cookie");
			assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(reader.cookie(RequestOrigin.METER_COOKIE)).isEqualTo(cookie);
		assertThat(cookies.read(cookie, month())).containsExactly(paid.get(0).id());
		assertThat(notice(reader.get(path(paid.get(1))))).isEqualTo("1 of 3 free articles left this month.");
	}

	@Test
	void feedsAndTheContentApiNeverMeterNorOpenPaidText() {
		Visitor reader = new Visitor(port);
		reader.get(path(paid.get(0)) + "?free");
		String cookie = reader.cookie(RequestOrigin.METER_COOKIE);
		String key = ContentApiFixtures.contentKey(integrations, API_INTEGRATION);

		Visitor.Page feed = reader.get("/feed.xml");
		Visitor.Page api = reader.get(ContentApiFixtures.API + "posts/slug/" + paid.get(1).slug() + "/?key=" + key);

		assertThat(feed.body()).contains(free(paid.get(1))).doesNotContain(gated(paid.get(1)));
		assertThat(api.status()).isEqualTo(200);
		assertThat(api.body()).doesNotContain(gated(paid.get(1)));
		assertThat(feed.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(reader.cookie(RequestOrigin.METER_COOKIE)).isEqualTo(cookie);
		assertThat(notice(reader.get(path(paid.get(1))))).isEqualTo("1 of 3 free articles left this month.");
	}

	@Test
	void aVerifiedCrawlerReadsEveryPaidArticleWholeAndIsNeverMetered() {
		Visitor crawler = new Visitor(port, CRAWLER, GOOGLEBOT);

		for (ArticleDraft article : paid) {
			Visitor.Page page = crawler.get(path(article) + "?free");

			assertThat(page.body()).contains(gated(article));
			assertThat(page.document().select(".notice")).isEmpty();
			assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(page.header("Cache-Control")).isEqualTo(PERSONAL);
		}
	}

	@Test
	void withTheMeterOffNothingChanges() {
		Visitor reader = new Visitor(port);
		reader.get(path(paid.get(0)) + "?free");
		metering.changeAnonymous(0);

		for (String path : List.of(path(paid.get(0)), path(paid.get(1)) + "?free")) {
			Visitor.Page page = reader.get(path);

			assertThat(page.body()).doesNotContain(gated(paid.get(0))).doesNotContain(gated(paid.get(1)));
			assertThat(page.document().select(".paywall-box").attr("data-remedy")).isEqualTo("SUBSCRIBE_OR_LOG_IN");
			assertThat(page.document().select(".paywall-box .free-read")).isEmpty();
			assertThat(page.header("Cache-Control")).isEqualTo(SHARED);
			assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		}
	}

	/** Reads the three paid articles the allowance lets through. */
	private void usedUp(Visitor reader) {
		reader.get(path(paid.get(0)) + "?free");
		reader.get(path(paid.get(1)));
		Visitor.Page third = reader.get(path(paid.get(2)));
		assertThat(notice(third)).isEqualTo("0 of 3 free articles left this month.");
	}

	private Visitor withCookie(String value) {
		Visitor visitor = new Visitor(port);
		visitor.plantCookie(RequestOrigin.METER_COOKIE, value);
		return visitor;
	}

	private YearMonth month() {
		return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
	}

	private static String meterCookie(Visitor.Page page) {
		return page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith(RequestOrigin.METER_COOKIE + "="))
			.findFirst()
			.orElseThrow();
	}

	private static String notice(Visitor.Page page) {
		return page.document().select(".notice").text();
	}

	private static String path(ArticleDraft article) {
		return "/p/" + article.slug();
	}

	private static String free(ArticleDraft article) {
		return "Free paragraph of " + article.slug();
	}

	private static String gated(ArticleDraft article) {
		return "Gated paragraph of " + article.slug();
	}

}
