package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.backstory.LoopbackSmtp;
import org.backstory.OwnDatabase;
import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Newsletter analytics over real HTTP and SMTP: tracking off by default (no pixel, the
 * article's own links), the owner's switch, the open pixel and click redirects of a
 * tracked send (tampered tokens record nothing and redirect nowhere), bounces, complaints
 * and unsubscribes counted against the right send, and the figures on the send page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "backstory.newsletters.webhook-secret=" + NewsletterEngagementIntegrationTests.SECRET)
@OwnDatabase("newsletter_engagement")
class NewsletterEngagementIntegrationTests {

	static final String SECRET = "engagement-webhook-secret-81c2";

	/**
	 * Plain http, so the staff session cookie is not {@code Secure} and the test client
	 * sends it.
	 */
	static final String SITE = "http://news.backstory.test";

	static final String TARGET = "https://example.org/report?year=2026&page=2";

	static final GreenMail smtp = LoopbackSmtp.greenMail();

	private static final Pattern PIXEL = Pattern.compile("<img src=\"" + Pattern.quote(SITE) + "(/e/o/[^\"]+)\"");

	private static final Pattern CLICK = Pattern.compile("href=\"" + Pattern.quote(SITE) + "(/e/c/[^\"]+)\"");

	/** The tracked link of the article's "the report". */
	private static final Pattern REPORT_LINK = Pattern
		.compile("href=\"" + Pattern.quote(SITE) + "(/e/c/[^\"]+)\"[^>]*>the report</a>");

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		NewsletterFixtures.sendQuicklyTo(smtp, registry);
		registry.add("backstory.base-url", () -> SITE);
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	Newsletters newsletters;

	@Autowired
	OptIns optIns;

	@Autowired
	NewsletterSends sends;

	@Autowired
	NewsletterEngagement engagement;

	@Autowired
	AnalyticsSettings analytics;

	@Autowired
	MemberDirectory members;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ArticleFixtures articles;

	Newsletter newsletter;

	@BeforeEach
	void setUp() {
		articles = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		newsletter = newsletters.create(NewsletterFixtures.settings());
	}

	@AfterEach
	void trackingOffAgain() {
		jdbc.sql("delete from newsletters.analytics_setting").update();
	}

	@Test
	void trackingIsOffByDefaultSoMessagesCarryNoPixelAndTheArticlesOwnLinks() {
		long reader = reader("untracked");
		long send = sendNow(articleLinking(TARGET));

		ReceivedMail mail = only(email(reader));
		assertThat(mail.html()).contains("href=\"https://example.org/report?year=2026&amp;page=2\"")
			.doesNotContain("/e/o/", "/e/c/", "%%backstory");
		assertThat(mail.text()).doesNotContain("/e/");
		SendStats stats = engagement.ofSend(send).orElseThrow();
		assertThat(stats.tracked()).isFalse();
		assertThat(stats.delivered()).isEqualTo(1);
		Document page = staff(MemberRole.EDITOR).get("/admin/newsletters/sends/" + send).document();
		assertThat(page.getElementById("stat-delivered").text()).isEqualTo("1");
		assertThat(page.getElementById("stat-untracked").text())
			.isEqualTo("Opens and clicks were not tracked for this send");
		assertThat(page.getElementById("stat-opened")).isNull();
		assertThat(page.getElementById("stat-clicked")).isNull();
	}

	@Test
	void theOwnerTurnsTrackingOnWithTheAppleMailCaveatAndOnlyTheOwnerMay() {
		Visitor owner = staff(MemberRole.OWNER);
		Visitor.Page form = owner.get("/admin/settings/newsletter-analytics");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.document().getElementById("tracking").hasAttr("checked")).isFalse();
		assertThat(form.document().getElementById("tracking-help").text())
			.contains("Apple Mail (Mail Privacy Protection) loads every image", "Opens are approximate");

		Visitor.Page saved = owner.submit("/admin/settings/newsletter-analytics",
				"/admin/settings/newsletter-analytics", Map.of("tracking", "true"));

		assertThat(saved.status()).isEqualTo(303);
		assertThat(analytics.tracking()).isTrue();
		assertThat(owner.get("/admin/settings/newsletter-analytics")
			.document()
			.getElementById("tracking")
			.hasAttr("checked")).isTrue();
		assertThat(staff(MemberRole.ADMINISTRATOR).get("/admin/settings/newsletter-analytics").status()).isEqualTo(403);
	}

	@Test
	void aTrackedSendCountsOpensByPixelAndClicksByARedirectThatNamesNobody() {
		analytics.setTracking(true, staffId());
		long reader = reader("tracked");
		long other = reader("tracked-other");
		ArticleDraft article = articleLinking(TARGET);
		long send = sendNow(article);

		ReceivedMail mail = only(email(reader));
		String pixel = first(PIXEL, mail.html());
		List<String> clicks = all(CLICK, mail.html());
		assertThat(clicks).isNotEmpty();
		assertThat(mail.html()).doesNotContain("href=\"https://example.org/", "%%backstory")
			.contains(SITE + "/unsubscribe/", SITE + "/newsletters/preferences/");
		assertThat(mail.header("List-Unsubscribe")).contains(SITE + "/unsubscribe/");
		Visitor reading = new Visitor(port);

		Visitor.Download opened = reading.download(pixel);
		reading.download(pixel);

		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.header("Content-Type")).isEqualTo("image/gif");
		assertThat(opened.header("Cache-Control")).isEqualTo("no-store");
		assertThat(new String(opened.body(), 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
		assertThat(opens(send, reader)).isEqualTo(2);
		assertThat(engagement.ofSend(send).orElseThrow().opened()).isEqualTo(1);

		String click = first(REPORT_LINK, mail.html());
		reading.get(click);
		Visitor.Page redirect = reading.get(click);

		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).isEqualTo(TARGET);
		assertThat(redirect.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(redirect.header("Cache-Control")).isEqualTo("no-store");
		SendStats stats = engagement.ofSend(send).orElseThrow();
		assertThat(stats.tracked()).isTrue();
		assertThat(stats.delivered()).isEqualTo(2);
		assertThat(stats.clicked()).isEqualTo(1);
		assertThat(engagement.topLinks(send, 10)).contains(new LinkClicks(TARGET, 2, 1));

		Document page = staff(MemberRole.EDITOR).get("/admin/newsletters/sends/" + send).document();
		assertThat(page.getElementById("stat-delivered").text()).isEqualTo("2");
		assertThat(page.getElementById("stat-opened").text()).isEqualTo("1 (50.0 %)");
		assertThat(page.getElementById("stat-clicked").text()).isEqualTo("1 (50.0 %)");
		assertThat(page.getElementById("stat-untracked")).isNull();
		assertThat(page.getElementById("top-links").text()).contains(TARGET);
		assertThat(only(email(other)).html()).doesNotContain(pixel);
	}

	@Test
	void tamperedTokensRecordNothingThePixelStillAnswersAndAClickIsA400NotARedirect() {
		analytics.setTracking(true, staffId());
		long reader = reader("tampered");
		long send = sendNow(articleLinking(TARGET));
		ReceivedMail mail = only(email(reader));
		String pixel = first(PIXEL, mail.html());
		String click = all(CLICK, mail.html()).get(0);
		Visitor visitor = new Visitor(port);

		Visitor.Download badPixel = visitor.download(tamper(pixel));
		Visitor.Page badClick = visitor.get(tamper(click));
		Visitor.Page otherMember = visitor.get(click.replace("." + reader + ".", "." + (reader + 1000) + "."));
		Visitor.Page unknownLink = visitor
			.get(path(context.getBean(NewsletterLinks.class).clickUrl(send, reader, 999)));
		Visitor.Page garbage = visitor.get("/e/c/not-a-token");

		assertThat(badPixel.status()).isEqualTo(200);
		assertThat(badPixel.header("Content-Type")).isEqualTo("image/gif");
		for (Visitor.Page refused : List.of(badClick, otherMember, unknownLink, garbage)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.header("Location")).isEmpty();
			assertThat(refused.body()).contains("This link is not valid");
		}
		SendStats stats = engagement.ofSend(send).orElseThrow();
		assertThat(stats.opened()).isZero();
		assertThat(stats.clicked()).isZero();
		assertThat(opens(send, reader)).isZero();
	}

	@Test
	void bouncesComplaintsAndUnsubscribesCountAgainstTheSendTheyCameFrom() {
		long complainer = reader("complains");
		long bouncer = reader("bounces");
		long leaver = reader("leaves");
		long first = sendNow(articleLinking(TARGET));
		String firstUnsubscribe = listUnsubscribe(sendsTo(email(leaver)).get(0));
		long second = sendNow(articleLinking(TARGET));

		HttpResponse<String> complaint = report(
				"{\"address\": \"" + email(complainer) + "\", \"type\": \"complaint\", \"message_id\": \"<newsletter."
						+ first + "." + complainer + "@backstory.test>\"}");
		HttpResponse<String> bounce = report("{\"address\": \"" + email(bouncer) + "\", \"type\": \"bounce\"}");
		Visitor.Page unsubscribed = new Visitor(port).postEncoded(path(firstUnsubscribe), "List-Unsubscribe=One-Click");

		assertThat(complaint.statusCode()).isEqualTo(202);
		assertThat(bounce.statusCode()).isEqualTo(202);
		assertThat(unsubscribed.status()).isEqualTo(200);
		SendStats older = engagement.ofSend(first).orElseThrow();
		SendStats newer = engagement.ofSend(second).orElseThrow();
		assertThat(List.of(older.delivered(), older.complained(), older.bounced(), older.unsubscribed()))
			.as("delivered, complained, bounced, unsubscribed of the first send")
			.containsExactly(3, 1, 0, 1);
		assertThat(List.of(newer.delivered(), newer.complained(), newer.bounced(), newer.unsubscribed()))
			.as("the second send: the bounce without a Message-ID is the latest message's")
			.containsExactly(3, 0, 1, 0);
		Document page = staff(MemberRole.EDITOR).get("/admin/newsletters/sends/" + first).document();
		assertThat(page.getElementById("stat-complained").text()).isEqualTo("1 (33.3 %)");
		assertThat(page.getElementById("stat-unsubscribed").text()).isEqualTo("1 (33.3 %)");
		assertThat(page.getElementById("stat-bounced").text()).isEqualTo("0 (0.0 %)");
		assertThat(staff(MemberRole.EDITOR).get("/admin/newsletters/sends/" + second)
			.document()
			.getElementById("stat-bounced")
			.text()).isEqualTo("1 (33.3 %)");
	}

	@Test
	void aReportWithoutMessageIdOlderThanTheWindowIsNotPinnedOnAnOldSend() {
		long reader = reader("old-message");
		long send = sendNow(articleLinking(TARGET));
		jdbc.sql("update newsletters.recipient set sent_at = :at where send_id = :send")
			.param("at",
					java.sql.Timestamp
						.from(clock.instant().minus(DeliveryReports.ATTRIBUTION_WINDOW).minus(Duration.ofHours(1))))
			.param("send", send)
			.update();

		HttpResponse<String> complaint = report("{\"address\": \"" + email(reader) + "\", \"type\": \"complaint\"}");

		assertThat(complaint.statusCode()).isEqualTo(202);
		assertThat(engagement.ofSend(send).orElseThrow().complained()).isZero();
	}

	@Test
	void engagementByMemberAndByArticleForOtherAdminPages() {
		analytics.setTracking(true, staffId());
		long reader = reader("engaged");
		ArticleDraft article = articleLinking(TARGET);
		long send = sendNow(article);
		ReceivedMail mail = only(email(reader));
		Visitor visitor = new Visitor(port);
		visitor.download(first(PIXEL, mail.html()));
		visitor.get(all(CLICK, mail.html()).get(0));

		MemberEngagement member = engagement.ofMember(reader);
		List<SendStats> ofArticle = engagement.ofArticle(article.id());

		assertThat(List.of(member.delivered(), member.tracked(), member.opened(), member.clicked())).containsExactly(1,
				1, 1, 1);
		assertThat(member.lastOpenedAt()).isNotNull();
		assertThat(member.share(member.opened())).isEqualTo("1 (100.0 %)");
		assertThat(member.recent()).singleElement().satisfies(message -> {
			assertThat(message.sendId()).isEqualTo(send);
			assertThat(message.articleId()).isEqualTo(article.id());
			assertThat(message.subject()).isEqualTo(article.title());
			assertThat(message.newsletter()).isEqualTo(newsletter.name());
			assertThat(message.status()).isEqualTo("sent");
			assertThat(message.tracked()).isTrue();
			assertThat(message.openedAt()).isNotNull();
			assertThat(message.clickedAt()).isNotNull();
		});
		assertThat(ofArticle).singleElement().satisfies(stats -> {
			assertThat(stats.sendId()).isEqualTo(send);
			assertThat(stats.newsletter()).isEqualTo(newsletter.name());
			assertThat(List.of(stats.delivered(), stats.opened(), stats.clicked())).containsExactly(1, 1, 1);
		});
		assertThat(engagement.ofMember(reader + 100_000).delivered()).isZero();
	}

	@Test
	void theStaffPreviewOfATrackedEditionLinksStraightToTheTargetsAndLoadsNoPixel() {
		analytics.setTracking(true, staffId());
		reader("preview");
		long send = sendNow(articleLinking(TARGET));

		Visitor.Page preview = staff(MemberRole.EDITOR).get("/admin/newsletters/sends/" + send + "/editions/complete");

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).contains("href=\"https://example.org/report?year=2026&amp;page=2\"")
			.doesNotContain("/e/o/", "/e/c/", "%%backstory");
	}

	private ArticleDraft articleLinking(String url) {
		ArticleDraft draft = articles.draft(Visibility.everyone());
		ArticleDraft linking = new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(),
				"Read [the report](" + url + ") first.\n\n" + draft.bodyMarkdown(), draft.backgroundMarkdown(),
				draft.nowMarkdown(), draft.authorSlugs(), draft.tagSlugs(), null, null, null, draft.visibility(),
				draft.seo(), false);
		return linking.withId(articles.publish(linking));
	}

	private long sendNow(ArticleDraft article) {
		long send = sends.schedule(article.id(), newsletter.id(), Audience.ALL, clock.instant(), null);
		NewsletterFixtures.awaitSent(sends, send, Duration.ofSeconds(20));
		return send;
	}

	private long reader(String who) {
		String email = MemberFixtures.reader(members, who);
		long id = members.findByEmail(email).orElseThrow().id();
		optIns.optIn(id, newsletter.id());
		return id;
	}

	private String email(long memberId) {
		return members.profile(memberId).orElseThrow().email();
	}

	private long staffId() {
		return members.findByEmail(MemberFixtures.account(members, "owner", MemberRole.OWNER)).orElseThrow().id();
	}

	private Visitor staff(MemberRole role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.account(members, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
		return visitor;
	}

	/** Posts a delivery report as the mail provider would. */
	private HttpResponse<String> report(String json) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/email"))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + SECRET)
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	private int opens(long send, long member) {
		return jdbc.sql("select opens from newsletters.recipient where send_id = :send and member_id = :member")
			.param("send", send)
			.param("member", member)
			.query(Integer.class)
			.single();
	}

	private static List<ReceivedMail> sendsTo(String address) {
		return ReceivedMail.sendsTo(smtp, address);
	}

	private static ReceivedMail only(String address) {
		List<ReceivedMail> mails = sendsTo(address);
		assertThat(mails).as("messages to " + address).hasSize(1);
		return mails.get(0);
	}

	private static String listUnsubscribe(ReceivedMail mail) {
		String header = mail.header("List-Unsubscribe");
		return header.substring(1, header.indexOf('>'));
	}

	private static String first(Pattern pattern, String html) {
		List<String> found = all(pattern, html);
		assertThat(found).as(pattern.pattern()).isNotEmpty();
		return found.get(0);
	}

	private static List<String> all(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		return matcher.results().map(result -> result.group(1)).toList();
	}

	private static String path(String url) {
		return url.substring(SITE.length());
	}

	/** The token with its MAC's last character changed. */
	private static String tamper(String path) {
		char last = path.charAt(path.length() - 1);
		return path.substring(0, path.length() - 1) + (last == 'A' ? 'B' : 'A');
	}

}
