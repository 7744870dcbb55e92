package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.backstory.access.MeteringSettings;
import org.backstory.access.RequestOrigin;
import org.backstory.access.ScriptedHostResolver;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanAdministration;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.group.GroupFixtures;
import org.backstory.api.ContentApiFixtures;
import org.backstory.api.Integrations;
import org.backstory.email.Await;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.newsletters.NewsletterSends;
import org.backstory.newsletters.SendStatus;
import org.backstory.newsletters.StorylineFollows;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.ArticleLookup;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.Author;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.HouseFormat;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TagRef;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.backstory.webhooks.WebhookReceiver;
import org.backstory.webhooks.Webhooks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The paywall over the wire: for every demo reader, every demo reading page, the feed and
 * the sitemap are fetched over real HTTP, and every gated paragraph of every demo article
 * that is not public must be absent from the bytes of each response to a reader who may
 * not read it (the feed is anonymous, so that is everyone), and present on the article
 * page for one who may. Besides the demo articles, paid articles of awkward shapes
 * without a paywall marker (one list, one table, one code block, one long paragraph,
 * headings only, two short paragraphs) and one whose preview cites a link defined below
 * its marker are published for the test: the text each must keep gated is named below, so
 * a renderer that left their gated half empty fails here. Webhook bodies about these
 * articles are checked the same way, and Ghost's Content API, read with an integration's
 * key, must carry no gated text at all. Search is checked as a channel too: a query per
 * gated text for every reader. The tag, author and storyline feeds are read like the
 * pages, and each signed-in reader's private feed carries exactly the gated text that
 * reader may read. Verified search engine crawlers are a reader too (issue 13): one at an
 * address the scripted DNS verifies reads every article page whole, and one with the same
 * user agent at an address it does not verify reads as anyone. Entity pages (issue 14 §4)
 * show a quote from a gated part only to a reader who may read its article; entities in
 * search results and in the Content API (with their quotes, and as a posts filter) carry
 * none. Gift links (issue 16 §2) open their own article whole, and an expired or used-up
 * link, or one for another article, opens nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaywallLeakIntegrationTests {

	/**
	 * A demo reader and the most they may read. Two are not people: a Googlebot whose
	 * address the (scripted) DNS verifies, and one whose address it does not; neither
	 * signs in.
	 */
	enum DemoReader {

		ANONYMOUS(null, Visibility.Level.PUBLIC), FREE_MEMBER("reader@demo.test", Visibility.Level.MEMBERS),
		SUBSCRIBER("subscriber@demo.test", Visibility.Level.TIERS),
		LAPSED("lapsed@demo.test", Visibility.Level.MEMBERS),
		CONTRIBUTOR("contributor@demo.test", Visibility.Level.MEMBERS),
		AUTHOR("author@demo.test", Visibility.Level.MEMBERS), EDITOR("editor@demo.test", Visibility.Level.TIERS),
		OWNER("owner@demo.test", Visibility.Level.TIERS),
		VERIFIED_CRAWLER(null, Visibility.Level.TIERS, "203.0.113.66"),
		SPOOFED_CRAWLER(null, Visibility.Level.PUBLIC, "203.0.113.67");

		static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

		final String email;

		final Visibility.Level mostItMayRead;

		/** A crawler's client address, or null for a person. */
		final String crawlerAddress;

		DemoReader(String email, Visibility.Level mostItMayRead) {
			this(email, mostItMayRead, null);
		}

		DemoReader(String email, Visibility.Level mostItMayRead, String crawlerAddress) {
			this.email = email;
			this.mostItMayRead = mostItMayRead;
			this.crawlerAddress = crawlerAddress;
		}

		/**
		 * Demo subscribers pay for the only tier, so the level order public < members <
		 * paid < tiers is enough.
		 */
		boolean mayRead(Article article) {
			return article.visibility().level().compareTo(mostItMayRead) <= 0;
		}

		/**
		 * Whether the reader's search may find the article by its gated text: a crawler
		 * reads article pages whole so it can index them, but searches the site as the
		 * anonymous reader it is.
		 */
		boolean mayFind(Article article) {
			return crawlerAddress == null ? mayRead(article) : ANONYMOUS.mayRead(article);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Webhooks webhooks;

	@Autowired
	MemberDirectory directory;

	@Autowired
	Integrations integrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ScriptedHostResolver dns;

	@Autowired
	StorylineFollows follows;

	@Autowired
	NewsletterSends sends;

	@Autowired
	BackstoryProperties site;

	@Autowired
	MeteringSettings metering;

	@Autowired
	Clock clock;

	@Autowired
	PlanCatalog planCatalog;

	@Autowired
	PlanAdministration planAdministration;

	private static final String API_INTEGRATION = ArticleFixtures.unique("paywall-leak-api");

	List<Article> articles;

	List<String> pages;

	/**
	 * For each article published by this test: the texts that must stay gated, whatever
	 * the preview rule.
	 */
	final Map<String, List<String>> mustStayGated = new HashMap<>();

	final List<Long> publishedHere = new ArrayList<>();

	@BeforeAll
	void collectArticlesAndPages() throws IOException {
		String verified = DemoReader.VERIFIED_CRAWLER.crawlerAddress;
		dns.answer(verified, "crawl-" + verified.replace('.', '-') + ".googlebot.com", verified);
		String spoofed = DemoReader.SPOOFED_CRAWLER.crawlerAddress;
		dns.answer(spoofed, "crawl-" + spoofed.replace('.', '-') + ".googlebot.com.spoof.example", spoofed);
		Set<String> demoSlugs = new HashSet<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/articles/*.md")) {
			demoSlugs.add(file.getFilename().replaceFirst("^\\d+-", "").replaceFirst("\\.md$", ""));
		}
		List<ArticleSummary> demo = catalog.allPublished()
			.stream()
			.filter(summary -> demoSlugs.contains(summary.slug()))
			.toList();
		assertThat(demo).hasSize(demoSlugs.size());
		Set<String> awkward = publishAwkwardPaidArticles();
		demo = new ArrayList<>(demo);
		demo.addAll(catalog.allPublished().stream().filter(summary -> awkward.contains(summary.slug())).toList());
		articles = demo.stream()
			.map(summary -> catalog.bySlug(summary.slug()).orElseThrow())
			.map(lookup -> ((ArticleLookup.Found) lookup).article())
			.filter(article -> article.visibility().gated())
			.sorted(Comparator.comparing(Article::slug))
			.toList();
		Set<String> paths = new LinkedHashSet<>(List.of("/", "/feed.xml", "/sitemap.xml", "/sitemap-news.xml"));
		for (ArticleSummary summary : demo) {
			paths.add("/p/" + summary.slug());
			summary.tags().stream().map(TagRef::slug).forEach(slug -> paths.add("/tag/" + slug));
			summary.authors().stream().map(AuthorRef::slug).forEach(slug -> paths.add("/author/" + slug));
			if (summary.storyline() != null) {
				paths.add("/story/" + summary.storyline().slug());
				paths.add("/story/" + summary.storyline().slug() + "?order=newest");
			}
		}
		// Every demo entity's page (issue 14 §4): its timeline and its quote index.
		demoEntitySlugs().forEach(slug -> paths.add("/who/" + slug));
		// Every tag, author and storyline page has its public feed (issue 13), read like
		// the pages.
		paths.addAll(paths.stream()
			.filter(path -> path.matches("/(tag|author|story)/[^?]+"))
			.map(path -> path + "/feed.xml")
			.toList());
		pages = List.copyOf(paths);
		assertThat(articles).hasSizeGreaterThanOrEqualTo(6 + awkward.size());
	}

	/** The slugs of the demo's entities, as the demo seeds them. */
	private static List<String> demoEntitySlugs() {
		try {
			return new PathMatchingResourcePatternResolver().getResource("classpath:demo/entities.txt")
				.getContentAsString(StandardCharsets.UTF_8)
				.lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.split("\\|")[0].strip())
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Paid articles without a paywall marker that have fewer than two top-level
	 * paragraphs or are no more than two (and one with a marker whose preview cites a
	 * link defined below it), each with the text that must stay gated: the end of the
	 * article, or the link's address and title.
	 */
	private Set<String> publishAwkwardPaidArticles() {
		Author author = taxonomyCreator.createAuthor(ArticleFixtures.unique("leak-author"), "Leak Tester", "", null);
		publishAwkward(author, "list", """
				- The first item of the list is about harbour fees.
				- The second item is about pilot boats and tugs.
				- The third item is about the berth schedule.
				- The list ends with its gated tail of %s.
				""", "its gated tail of %s");
		publishAwkward(author, "table", """
				| Port | What happened |
				|------|---------------|
				| Brannick | The fees went up in spring. |
				| Sael | The table ends with its gated row of %s. |
				""", "its gated row of %s");
		publishAwkward(author, "code", """
				```text
				first line of the code block
				the code block ends with its gated line of %s
				```
				""", "its gated line of %s");
		publishAwkward(author, "paragraph", "The ferry between Brannick and Sael runs twice a day. ".repeat(30)
				+ "The paragraph ends with its gated sentence of %s.", "its gated sentence of %s");
		publishAwkward(author, "headings", """
				# A heading about the strait and the ferry

				## A heading about the gas under the bank

				### The headings end with the gated heading of %s
				""", "the gated heading of %s");
		publishAwkward(author, "two-paragraphs", """
				The first of only two paragraphs is free to read.

				The second paragraph is the gated paragraph of %s.
				""", "the gated paragraph of %s");
		publishAwkward(author, "link-reference", """
				The free part cites [the report][x].

				<!-- paywall -->

				The paid part cites [the report][x] again: the gated citation of %s.

				[x]: https://secret.example/paid-url "paid title of %s"
				""", "the gated citation of %s", "secret.example/paid-url", "paid title of %s");
		// A piece in the house format (issue 14 §1) cut at a marker in its now part, with
		// a link defined only there.
		publishAwkward(author, "house-format", """
				The opening is free.

				## Before you read

				The background is free and cites [the ruling][r] without a definition above the cut.

				## What's going on now

				The first lines of the now part are free.

				<!-- paywall -->

				The rest of the now part cites [the ruling][r]: the gated now of %s.

				[r]: https://secret.example/ruling "gated ruling of %s"
				""", "the gated now of %s", "secret.example/ruling", "gated ruling of %s");
		return mustStayGated.keySet();
	}

	private void publishAwkward(Author author, String shape, String body, String... gated) {
		String slug = ArticleFixtures.unique("leak-" + shape);
		long id = editor.save(new ArticleDraft(null, slug, "Awkward " + shape + " " + slug, "", "",
				List.of(author.slug()), List.of(), null, null, null, Visibility.paid())
			.withText(HouseFormat.split(body.formatted(slug, slug), HouseLabels.DEFAULTS)));
		systemPublisher.publishNow(id);
		publishedHere.add(id);
		mustStayGated.put(slug, Arrays.stream(gated).map(text -> text.formatted(slug)).toList());
	}

	@AfterAll
	void unpublishTheArticlesPublishedHere() {
		publishedHere.forEach(systemPublisher::unpublish);
		ContentApiFixtures.remove(jdbc, API_INTEGRATION);
	}

	/**
	 * Ghost's Content API: a key-only call is an anonymous reader, so no gated text may
	 * be in any answer: every page of the posts list (html and plaintext, tags and
	 * authors), every gated article by slug and by id, and the other resources.
	 */
	@Test
	void noGatedTextLeavesThroughTheContentApi() {
		String key = ContentApiFixtures.contentKey(integrations, API_INTEGRATION);
		String query = "?key=" + key + "&formats=html,plaintext&include=tags,authors,count.posts";
		List<String> paths = new ArrayList<>(List.of("tags/" + query + "&limit=all", "authors/" + query + "&limit=all",
				"pages/" + query, "settings/" + query, "tiers/" + query, "newsletters/" + query,
				"entities/" + query + ",quotes&limit=all", "storylines/" + query + ",events&limit=all"));
		for (String entity : demoEntitySlugs()) {
			paths.add("entities/slug/" + entity + "/" + query + ",quotes");
			paths.add("posts/" + query + "&limit=all&filter=entity:" + entity);
		}
		int total = catalog.allPublished().size();
		for (int page = 1; page <= (total + 99) / 100; page++) {
			paths.add("posts/" + query + "&limit=all&page=" + page);
		}
		for (Article article : articles) {
			paths.add("posts/slug/" + article.slug() + "/" + query);
			paths.add("posts/" + article.id() + "/" + query);
		}
		Visitor visitor = new Visitor(port);
		int checked = 0;
		for (String path : paths) {
			Visitor.Page page = visitor.get("/ghost/api/content/" + path);
			assertThat(page.status()).as(path).isEqualTo(200);
			for (Article article : articles) {
				for (String paragraph : gatedTexts(article)) {
					assertThat(page.body()).as("the Content API at %s leaks %s", path, article.slug())
						.doesNotContain(paragraph);
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(500);
	}

	@Test
	void theFeedCarriesTheAwkwardArticles() {
		String feed = new Visitor(port).get("/feed.xml").body();

		assertThat(mustStayGated.keySet()).allSatisfy(slug -> assertThat(feed).contains("/p/" + slug));
	}

	Stream<Arguments> readers() {
		return Arrays.stream(DemoReader.values()).map(Arguments::of);
	}

	@ParameterizedTest
	@MethodSource("readers")
	void gatedParagraphsReachOnlyReadersWhoMayReadThem(DemoReader reader) {
		Visitor visitor = visitorAs(reader);
		int checked = 0;
		for (String path : pages) {
			Visitor.Page page = visitor.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			for (Article article : articles) {
				boolean entitledHere = reader.mayRead(article) && path.equals("/p/" + article.slug());
				// An entity's page quotes from gated parts, by the policy for a reader
				// who is not a crawler.
				boolean mayBeQuotedHere = reader.mayFind(article) && path.startsWith("/who/");
				for (String paragraph : gatedTexts(article)) {
					if (entitledHere) {
						assertThat(page.body()).as("%s reading %s", reader, path).contains(paragraph);
					}
					else if (!mayBeQuotedHere) {
						assertThat(page.body()).as("%s reading %s leaks %s", reader, path, article.slug())
							.doesNotContain(paragraph);
					}
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(500);
	}

	/**
	 * Gift links (issue 16 §2): a valid link opens its own article whole to anyone, and
	 * nothing else: the same token on another article's page, a link past its validity
	 * and a link already opened on its five browsers give every reader who may not read
	 * the article its preview alone, byte for byte. The links are made by the demo editor
	 * (staff gift without limit) through the article page's button.
	 */
	@Test
	void giftLinksOpenOnlyTheirOwnArticleOnlyWhileValidAndOnFiveBrowsers() {
		List<Article> awkward = articles.stream().filter(a -> mustStayGated.containsKey(a.slug())).toList();
		Article gifted = awkward.get(0);
		Article other = awkward.get(1);
		Article expiring = awkward.get(2);
		Visitor giver = visitorAs(DemoReader.EDITOR);
		String link = giftLink(giver, gifted);
		String token = link.substring(link.indexOf("?gift=") + "?gift=".length());
		String expired = giftLink(giver, expiring);
		jdbc.sql("update access.gift_link set expires_at = now() - interval '1 minute' where giver_id = :giver"
				+ " and article_id = :article")
			.param("giver", directory.findByEmail(DemoReader.EDITOR.email).orElseThrow().id())
			.param("article", expiring.id())
			.update();
		List<DemoReader> refused = Arrays.stream(DemoReader.values()).filter(r -> !r.mayRead(gifted)).toList();
		assertThat(refused).contains(DemoReader.ANONYMOUS, DemoReader.FREE_MEMBER, DemoReader.LAPSED);

		for (DemoReader reader : refused) {
			assertGatedTexts(visitorAs(reader).get("/p/" + other.slug() + "?gift=" + token), other, false,
					reader + " with another article's gift link");
			assertGatedTexts(visitorAs(reader).get(expired), expiring, false, reader + " with an expired gift link");
		}
		for (int browser = 0; browser < 5; browser++) {
			assertGatedTexts(new Visitor(port).get(link), gifted, true, "browser " + (browser + 1) + " of 5");
		}
		for (DemoReader reader : refused) {
			assertGatedTexts(visitorAs(reader).get(link), gifted, false, reader + " with a used-up gift link");
		}
	}

	private static String giftLink(Visitor giver, Article article) {
		String page = "/p/" + article.slug();
		assertThat(giver.submit(page, page + "/gift", Map.of()).status()).isEqualTo(303);
		return giver.get(page)
			.document()
			.selectFirst("input.gift-link")
			.attr("value")
			.replaceFirst("^https?://[^/]+", "");
	}

	private void assertGatedTexts(Visitor.Page page, Article article, boolean whole, String who) {
		assertThat(page.status()).as(who).isEqualTo(200);
		for (String text : gatedTexts(article)) {
			if (whole) {
				assertThat(page.body()).as("%s reading %s", who, article.slug()).contains(text);
			}
			else {
				assertThat(page.body()).as("%s leaks %s", who, article.slug()).doesNotContain(text);
			}
		}
	}

	/**
	 * The anonymous meter (issue 16 §3), on with one free article a month: a reader who
	 * is not signed in and has spent it (on an article of this test's own) gets no gated
	 * text on any page, the spent article aside.
	 */
	@Test
	void anAnonymousReaderWithAUsedUpMeterGetsNoGatedTextAnywhere() {
		int allowance = metering.anonymousReadsPerMonth();
		metering.changeAnonymous(1);
		try {
			ArticleDraft spent = new ArticleFixtures(editor, systemPublisher, taxonomyCreator)
				.published(Visibility.paid());
			publishedHere.add(spent.id());
			Visitor reader = new Visitor(port);
			assertThat(reader.get("/p/" + spent.slug() + "?" + RequestOrigin.FREE_READ_PARAMETER).body())
				.contains("Gated paragraph of " + spent.slug());

			assertThat(gatedArticlesReaching(reader)).isEmpty();
		}
		finally {
			metering.changeAnonymous(allowance);
		}
	}

	/**
	 * A forged meter cookie, claiming every gated article as read under a made-up
	 * signature, opens no more than a fresh meter: sent with each page (as a forger
	 * would), it reads as "nothing read this month", so with one free article a month a
	 * paid article's own page opens that article (the fresh meter's one read) and no page
	 * carries any other article's gated text.
	 */
	@Test
	void aForgedMeterCookieOpensNoMoreThanAFreshMeter() {
		int allowance = metering.anonymousReadsPerMonth();
		metering.changeAnonymous(1);
		try {
			String forged = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)) + "."
					+ articles.stream().map(article -> String.valueOf(article.id())).collect(Collectors.joining("_"))
					+ "." + "A".repeat(43);
			int checked = 0;
			for (String path : pages) {
				Visitor reader = new Visitor(port);
				reader.plantCookie(RequestOrigin.METER_COOKIE, forged);
				Visitor.Page page = reader.get(path);
				assertThat(page.status()).as(path).isEqualTo(200);
				for (Article article : articles) {
					if (article.visibility().paidOnly() && path.equals("/p/" + article.slug())) {
						continue;
					}
					for (String text : gatedTexts(article)) {
						assertThat(page.body()).as("forged meter cookie reading %s leaks %s", path, article.slug())
							.doesNotContain(text);
						checked++;
					}
				}
			}
			assertThat(checked).isGreaterThan(500);
		}
		finally {
			metering.changeAnonymous(allowance);
		}
	}

	/**
	 * An article an editor exempted from the meters (issue 16 §3), paid or for a tier,
	 * with both meters on at their largest allowance: its gated text reaches neither an
	 * anonymous reader with a meter cookie (on its page, asking for a free read, and on
	 * every other page) nor a free member. Each reader's meter opens an ordinary paid
	 * article before the walk and another after it, so the meters were on with reads left
	 * throughout.
	 */
	@Test
	void anExemptArticlesGatedTextReachesNoMeteredReader() {
		int anonymousAllowance = metering.anonymousReadsPerMonth();
		int freeAllowance = metering.freeReadsPerMonth();
		metering.changeAnonymous(MeteringSettings.MAX_ANONYMOUS_READS);
		metering.change(MeteringSettings.MAX_FREE_READS);
		try {
			ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
			List<ArticleDraft> exempt = List.of(fixtures.publishedMeterExempt(Visibility.paid()),
					fixtures.publishedMeterExempt(Visibility.tiers(Set.of("supporter"))));
			List<ArticleDraft> ordinary = List.of(fixtures.published(Visibility.paid()),
					fixtures.published(Visibility.paid()));
			exempt.forEach(article -> publishedHere.add(article.id()));
			ordinary.forEach(article -> publishedHere.add(article.id()));
			Visitor anonymous = new Visitor(port);
			Visitor member = new Visitor(port);
			member.signIn(MemberFixtures.reader(directory, "exempt-leak"), MemberFixtures.PASSWORD);
			List<String> paths = new ArrayList<>(pages);
			for (ArticleDraft article : exempt) {
				paths.add(0, "/p/" + article.slug());
				paths.add("/p/" + article.slug() + "?" + RequestOrigin.FREE_READ_PARAMETER);
			}

			for (Visitor reader : List.of(anonymous, member)) {
				assertThat(reader.get("/p/" + ordinary.get(0).slug() + "?" + RequestOrigin.FREE_READ_PARAMETER).body())
					.contains("Gated paragraph of " + ordinary.get(0).slug());
				for (String path : paths) {
					Visitor.Page page = reader.get(path);
					assertThat(page.status()).as(path).isEqualTo(200);
					for (ArticleDraft article : exempt) {
						assertThat(page.body()).as("%s leaks %s", path, article.slug())
							.doesNotContain("Gated paragraph of " + article.slug());
					}
				}
				assertThat(reader.get("/p/" + ordinary.get(1).slug()).body())
					.contains("Gated paragraph of " + ordinary.get(1).slug());
			}
		}
		finally {
			metering.changeAnonymous(anonymousAllowance);
			metering.change(freeAllowance);
		}
	}

	/** The slugs of the articles whose gated text reaches this reader on any page. */
	private Set<String> gatedArticlesReaching(Visitor reader) {
		Set<String> reached = new TreeSet<>();
		for (String path : pages) {
			Visitor.Page page = reader.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			for (Article article : articles) {
				if (gatedTexts(article).stream().anyMatch(page.body()::contains)) {
					reached.add(article.slug());
				}
			}
		}
		return reached;
	}

	/**
	 * Entity pages join the channels (issue 14 §4): the demo's quote from a gated part of
	 * a paid article reaches exactly the readers the access policy lets read that article
	 * (a crawler reads the page as anyone), while the quotes from free parts reach
	 * everyone.
	 */
	@ParameterizedTest
	@MethodSource("readers")
	void aGatedQuoteOnAnEntityPageReachesOnlyReadersWhoMayReadItsArticle(DemoReader reader) {
		Article article = articles.stream()
			.filter(a -> a.slug().equals("a-phone-call-from-sael"))
			.findFirst()
			.orElseThrow();
		String gatedQuote = "We are not starting again from the beginning. We are starting again from what still works.";
		assertThat(article.gatedBody().html()).contains(gatedQuote);
		assertThat(article.previewHtml()).doesNotContain(gatedQuote);

		Visitor.Page page = visitorAs(reader).get("/who/tavio-rusk");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select(".quote-index blockquote").eachText())
			.contains("“I would rather share a gas field with a neighbour than leave my children a war over it.”");
		if (reader.mayFind(article)) {
			assertThat(page.document().select(".quote-index blockquote").eachText()).as("%s", reader)
				.contains("“" + gatedQuote + "”");
		}
		else {
			assertThat(page.body()).as("%s", reader).doesNotContain("We are not starting again");
		}
		Document found = visitorAs(reader).get("/search?q=Tavio+Rusk").document();
		assertThat(found.select(".search-entities a").eachAttr("href")).as("%s", reader).contains("/who/tavio-rusk");
		assertThat(found.select(".search-entities").text()).as("%s", reader)
			.doesNotContain("We are not starting again");
		Document quoted = visitorAs(reader)
			.get("/search?q=" + URLEncoder.encode("\"" + gatedQuote + "\"", StandardCharsets.UTF_8))
			.document();
		assertThat(quoted.select(".search-entities")).as("%s: a quote finds no entity", reader).isEmpty();
	}

	/**
	 * Private feeds join the channels (issue 13): each signed-in reader's feed, at the
	 * address their account page shows and fetched as a feed reader does (no session),
	 * carries every gated text of each article it lists if the reader may read that
	 * article now, and none of it otherwise. The awkward paid articles, the newest, must
	 * be listed. An anonymous reader has no private feed: a token no one holds is a 404.
	 */
	@ParameterizedTest
	@MethodSource("readers")
	void privateFeedsCarryGatedTextExactlyToReadersWhoMayReadIt(DemoReader reader) {
		if (reader.email == null) {
			assertThat(new Visitor(port).get("/feed/" + "A".repeat(43) + ".xml").status()).isEqualTo(404);
			return;
		}
		String address = visitorAs(reader).get("/account").document().selectFirst("input.feed-url").attr("value");
		Visitor.Page feed = new Visitor(port).get(address.replaceFirst("^https?://[^/]+", ""));
		assertThat(feed.status()).isEqualTo(200);
		assertThat(mustStayGated.keySet()).allSatisfy(slug -> assertThat(feed.body()).contains("/p/" + slug + "<"));
		int checked = 0;
		for (Article article : articles) {
			if (!feed.body().contains("/p/" + article.slug() + "<")) {
				continue;
			}
			for (String paragraph : gatedTexts(article)) {
				if (reader.mayRead(article)) {
					assertThat(feed.body()).as("%s's private feed, %s", reader, article.slug()).contains(paragraph);
				}
				else {
					assertThat(feed.body()).as("%s's private feed leaks %s", reader, article.slug())
						.doesNotContain(paragraph);
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(mustStayGated.size());
	}

	/**
	 * Google reads the gated part's place from the JSON-LD's {@code cssSelector} (issue
	 * 13): on every gated article page, for every reader, it must name exactly one
	 * element, holding every gated text for a reader who may read it (a verified crawler
	 * included) and the paywall box standing in its place for anyone else; a free article
	 * names no gated part. A verified crawler's copy is private to it; every other
	 * anonymous page may be shared.
	 */
	@ParameterizedTest
	@MethodSource("readers")
	void theGatedPartSelectorNamesOneElementOnEveryReadersPage(DemoReader reader) {
		Visitor visitor = visitorAs(reader);
		for (Article article : articles) {
			String path = "/p/" + article.slug();
			Visitor.Page response = visitor.get(path);
			assertThat(response.header("Cache-Control").startsWith("private"))
				.as("%s reading %s: %s", reader, path, response.header("Cache-Control"))
				.isEqualTo(reader.email != null || reader == DemoReader.VERIFIED_CRAWLER);
			Document page = response.document();
			page.outputSettings().prettyPrint(false);
			JsonNode data = json.readTree(page.selectFirst("script[type=application/ld+json]").data());
			if (!article.visibility().gated()) {
				assertThat(data.has("hasPart")).as(path).isFalse();
				continue;
			}
			Elements part = page.select(data.path("hasPart").path("cssSelector").asString());
			assertThat(part).as("%s reading %s", reader, path).hasSize(1);
			if (reader.mayRead(article)) {
				assertThat(part.select(".paywall-box")).as("%s reading %s", reader, path).isEmpty();
				assertThat(gatedTexts(article)).as("%s reading %s", reader, path)
					.isNotEmpty()
					.allSatisfy(text -> assertThat(part.html()).as("%s reading %s", reader, path).contains(text));
			}
			else {
				assertThat(part.first().children()).as("%s reading %s", reader, path)
					.containsExactlyElementsOf(page.select(".paywall-box"));
			}
		}
	}

	/**
	 * "Related articles" under every gated article page (issue 13 §4) is the same for
	 * every reader, byte for byte, and says of each article only its title, its badge and
	 * its dek: no text, so no gated text, and no list that depends on what the reader may
	 * read. (That a word only in a gated part relates nothing is
	 * {@code RelatedArticlesIntegrationTests.aWordOnlyInAnotherArticlesGatedPartRelatesNothing}.)
	 */
	@ParameterizedTest
	@MethodSource("readers")
	void relatedListsAreTheSameForEveryReaderAndNameTitlesDeksAndBadgesOnly(DemoReader reader) {
		Visitor visitor = visitorAs(reader);
		Visitor anonymous = new Visitor(port);
		int related = 0;
		for (Article article : articles) {
			String path = "/p/" + article.slug();
			Elements list = visitor.get(path).document().select("aside.related");
			assertThat(list.outerHtml()).as("%s reading %s", reader, path)
				.isEqualTo(anonymous.get(path).document().select("aside.related").outerHtml());
			for (org.jsoup.nodes.Element item : list.select("li")) {
				String slug = item.select("a").attr("href").replaceFirst("^/p/", "");
				Article shown = ((ArticleLookup.Found) catalog.bySlug(slug).orElseThrow()).article();
				assertThat(item.select("a").text()).as("%s under %s", slug, path).isEqualTo(shown.title());
				assertThat(item.select(".badge").text()).as("%s under %s", slug, path)
					.isEqualTo(shown.visibility().badge());
				assertThat(item.select(".dek").text()).as("%s under %s", slug, path).isEqualTo(shown.dek());
				// Headline and badge run together ("…StraitFree"); the dek is a block of
				// its own: nothing else is there.
				assertThat(item.text()).as("%s under %s", slug, path)
					.isEqualTo((shown.title() + shown.visibility().badge() + " " + shown.dek()).strip());
				related++;
			}
		}
		assertThat(related).isGreaterThan(articles.size());
	}

	/**
	 * Storyline events join the channels (issue 14): the storyline page's timeline, both
	 * ways round, and "the story so far" on every article in a storyline are the same for
	 * every reader (events are public, editor-written metadata) and name of each covering
	 * article only its title and its badge. The gated texts themselves are checked on
	 * these pages by {@link #gatedParagraphsReachOnlyReadersWhoMayReadThem}.
	 */
	@ParameterizedTest
	@MethodSource("readers")
	void storylineEventsAreTheSameForEveryReaderAndNameArticlesByTitleAndBadgeOnly(DemoReader reader) {
		Visitor visitor = visitorAs(reader);
		Visitor anonymous = new Visitor(port);
		List<String> paths = new ArrayList<>(pages.stream().filter(path -> path.matches("/story/[^/]+")).toList());
		articles.stream()
			.filter(article -> article.storyline() != null)
			.forEach(article -> paths.add("/p/" + article.slug()));
		int events = 0;
		for (String path : paths) {
			Elements shown = visitor.get(path).document().select("ol.timeline > li.event, aside.story-so-far li");
			assertThat(shown.outerHtml()).as("%s reading %s", reader, path)
				.isEqualTo(anonymous.get(path)
					.document()
					.select("ol.timeline > li.event, aside.story-so-far li")
					.outerHtml());
			for (org.jsoup.nodes.Element link : shown.select(".event-article")) {
				String slug = link.select("a").attr("href").replaceFirst("^/p/", "");
				Article covering = ((ArticleLookup.Found) catalog.bySlug(slug).orElseThrow()).article();
				assertThat(link.text()).as("%s on %s", slug, path)
					.isEqualTo("Read: " + covering.title() + covering.visibility().badge());
			}
			events += shown.size();
		}
		assertThat(paths.stream().filter(path -> path.startsWith("/p/"))).isNotEmpty();
		assertThat(events).as("the demo storyline's events are shown").isGreaterThan(10);
	}

	/**
	 * Search joins the channels (issue 13): for every reader and every gated text of
	 * every gated article, a search for its first words as an exact phrase finds the
	 * article only for a reader who may read it, and no result carries the text to anyone
	 * else. Not even the match leaks: a refused reader's results do not list the article.
	 * Texts whose words also stand in the article's free part are skipped (finding those
	 * is right): as written, or as PostgreSQL reads a phrase (stop words and word forms
	 * aside), asked directly of the free text.
	 */
	@ParameterizedTest
	@MethodSource("readers")
	void searchFindsGatedTextOnlyForReadersWhoMayReadIt(DemoReader reader) {
		Visitor visitor = visitorAs(reader);
		int checked = 0;
		for (Article article : articles) {
			String free = words(
					Jsoup.parse(article.title() + " " + article.dek() + " " + article.previewHtml()).text());
			String gated = words(Jsoup.parse(article.gatedBody().html()).text());
			for (String text : gatedTexts(article)) {
				List<String> words = Arrays.asList(text.split("\\s+"));
				String phrase = String.join(" ", words.subList(0, Math.min(8, words.size())));
				if (free.contains(words(phrase)) || phraseIn(free, phrase)) {
					continue;
				}
				Visitor.Page page = visitor
					.get("/search?q=" + URLEncoder.encode("\"" + phrase + "\"", StandardCharsets.UTF_8));
				assertThat(page.status()).as(phrase).isEqualTo(200);
				boolean listed = !page.document().select(".search-results a[href=/p/" + article.slug() + "]").isEmpty();
				// People and places are found by editors' metadata only: never by, nor
				// showing, a gated text.
				assertThat(page.document().select(".search-entities").text()).as("%s searching %s", reader, phrase)
					.doesNotContain(text);
				if (!reader.mayFind(article)) {
					assertThat(listed).as("%s searching %s finds %s", reader, phrase, article.slug()).isFalse();
					assertThat(page.document().select(".search-results").text()).as("%s searching %s", reader, phrase)
						.doesNotContain(text);
				}
				else if (gated.contains(words(phrase))) {
					assertThat(listed).as("%s searching %s misses %s", reader, phrase, article.slug()).isTrue();
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(50);
	}

	/**
	 * The owner's export carries every article whole (it is staff-only by design); every
	 * other reader is turned away from every export download before a byte of it is
	 * written.
	 */
	@ParameterizedTest
	@MethodSource("readers")
	void theExportCarriesGatedTextToTheOwnerAlone(DemoReader reader) {
		Visitor visitor = visitorAs(reader);
		boolean owner = reader == DemoReader.OWNER;
		for (String path : List.of("/admin/export/posts.json", "/admin/export/archive", "/admin/export/images.zip")) {
			Visitor.Download download = visitor.download(path);
			assertThat(download.status()).as("%s downloading %s", reader, path)
				.isEqualTo(owner ? 200 : reader.email == null ? 302 : 403);
		}
		String posts = visitor.get("/admin/export/posts.json").body();
		for (Article article : articles) {
			for (String paragraph : gatedTexts(article)) {
				if (owner) {
					assertThat(posts).as("the owner's export of %s", article.slug()).contains(paragraph);
				}
				else {
					assertThat(posts).as("%s exporting leaks %s", reader, article.slug()).doesNotContain(paragraph);
				}
			}
		}
	}

	/**
	 * Outgoing webhooks join the channels: a body about each gated article (here
	 * {@code post.published.edited}, fired by publishing it again at its own time)
	 * carries what an anonymous reader gets and none of its gated text.
	 */
	@Test
	void webhookBodiesCarryNoGatedText() {
		long ownerId = directory.findByEmail("owner@demo.test").orElseThrow().id();
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			Webhooks.Added added = webhooks.add("post.published.edited", receiver.url("/leak"), "leak test", ownerId);
			try {
				articles.forEach(article -> systemPublisher.publish(article.id(), article.publishedAt()));
				int checked = 0;
				for (Article article : articles) {
					String body = receiver.awaitBody("\"slug\":\"" + article.slug() + "\"").body();
					assertThat(body).contains("\"access\":false");
					for (String paragraph : gatedTexts(article)) {
						assertThat(body).as("webhook body of %s", article.slug()).doesNotContain(paragraph);
						checked++;
					}
				}
				assertThat(checked).isGreaterThan(50);
			}
			finally {
				webhooks.delete(added.hook().id(), ownerId);
			}
		}
	}

	/**
	 * Whether PostgreSQL finds the phrase in the text (stop words and word forms aside),
	 * as a search would.
	 */
	private boolean phraseIn(String text, String phrase) {
		return jdbc
			.sql("select to_tsvector('publishing.search', :text) @@ phraseto_tsquery('publishing.search', :phrase)")
			.param("text", text)
			.param("phrase", phrase)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Follow emails (issue 14 §2) are a channel too: every demo reader who can have an
	 * account follows a storyline, a paid part of it is published, and the follow email
	 * each gets (from the outbox, one file per message) carries the gated text exactly
	 * when the access policy lets that reader read the article. Anonymous readers and
	 * crawlers cannot follow: they have no address to mail.
	 */
	@Test
	void followEmailsCarryGatedTextExactlyToFollowersWhoMayReadIt() throws Exception {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		Storyline story = fixtures.storyline();
		Map<DemoReader, Long> followers = new HashMap<>();
		for (DemoReader reader : DemoReader.values()) {
			if (reader.email != null) {
				long memberId = directory.findByEmail(reader.email).orElseThrow().id();
				follows.follow(memberId, story.id());
				followers.put(reader, memberId);
			}
		}
		ArticleDraft draft = fixtures.part(story, Visibility.paid());
		long id = fixtures.publish(draft);
		Article article = catalog.forSending(id).orElseThrow();
		try {
			long send = sends.ofArticle(id)
				.stream()
				.filter(s -> s.storylineId() != null)
				.findFirst()
				.orElseThrow()
				.id();
			Await.until("the follow email is sent", java.time.Duration.ofSeconds(30),
					() -> sends.find(send).orElseThrow().status() == SendStatus.SENT);
			String gated = "Gated paragraph of " + draft.slug();
			for (Map.Entry<DemoReader, Long> follower : followers.entrySet()) {
				String mail = outboxMessage("newsletter." + send + "." + follower.getValue() + "@");
				assertThat(mail).as("%s's follow email", follower.getKey())
					.contains("Free paragraph of " + draft.slug());
				if (follower.getKey().mayRead(article)) {
					assertThat(mail).as("%s's follow email", follower.getKey()).contains(gated);
				}
				else {
					assertThat(mail).as("%s's follow email leaks", follower.getKey()).doesNotContain(gated);
				}
			}
			assertThat(followers.keySet().stream().filter(reader -> reader.mayRead(article))).isNotEmpty();
			assertThat(followers.keySet().stream().filter(reader -> !reader.mayRead(article))).isNotEmpty();
		}
		finally {
			systemPublisher.unpublish(id);
			followers.values().forEach(memberId -> follows.unfollow(memberId, story.id()));
		}
	}

	/**
	 * The decoded text and HTML parts of the outbox message whose file name starts with
	 * {@code prefix}.
	 */
	private String outboxMessage(String prefix) throws IOException, MessagingException {
		Path directory = site.dataDir().resolve("outbox").resolve("newsletters");
		Path file;
		try (Stream<Path> files = Files.list(directory)) {
			file = files.filter(f -> f.getFileName().toString().startsWith(prefix))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no outbox message " + prefix));
		}
		try (var in = Files.newInputStream(file)) {
			MimeMultipart parts = (MimeMultipart) new MimeMessage(Session.getInstance(new Properties()), in)
				.getContent();
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < parts.getCount(); i++) {
				text.append(parts.getBodyPart(i).getContent()).append('\n');
			}
			return text.toString();
		}
	}

	/**
	 * The words of a text, lower case, one space apart: what a phrase search compares
	 * (case and punctuation aside).
	 */
	private static String words(String text) {
		return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
	}

	/**
	 * Group seats (issue 16 §1): a reader holding a seat of a group subscription to the
	 * demo's tier reads every article page as a subscriber does; one whose seat the
	 * manager took back, and one invited who has not taken the seat, read as the free
	 * members they are.
	 */
	@Test
	void groupSeatsOpenGatedTextToSeatHoldersAlone() {
		GroupFixtures groups = new GroupFixtures(port, directory, jdbc);
		Plan plan = GroupFixtures.groupPlan(planCatalog, planAdministration, "supporter");
		Visitor manager = groups.manager(plan, 3).visitor();
		GroupFixtures.Signed holder = groups.signedIn("seat-holder");
		groups.join(manager, holder.email());
		GroupFixtures.Signed removed = groups.signedIn("seat-removed");
		groups.remove(manager, groups.join(manager, removed.email()));
		GroupFixtures.Signed invited = groups.signedIn("seat-invited");
		groups.invite(manager, invited.email());
		Map<Visitor, DemoReader> readsAs = Map.of(holder.visitor(), DemoReader.SUBSCRIBER, removed.visitor(),
				DemoReader.FREE_MEMBER, invited.visitor(), DemoReader.FREE_MEMBER);
		int checked = 0;
		for (Map.Entry<Visitor, DemoReader> reader : readsAs.entrySet()) {
			for (Article article : articles) {
				String path = "/p/" + article.slug();
				Visitor.Page page = reader.getKey().get(path);
				assertThat(page.status()).as(path).isEqualTo(200);
				for (String paragraph : gatedParagraphs(article)) {
					if (reader.getValue().mayRead(article)) {
						assertThat(page.body()).as("a seat holder reading %s", path).contains(paragraph);
					}
					else {
						assertThat(page.body()).as("a reader without a seat reading %s", path)
							.doesNotContain(paragraph);
					}
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(30);
	}

	/**
	 * A visitor signed in as the demo reader (anonymous stays signed out; a crawler comes
	 * from its address).
	 */
	private Visitor visitorAs(DemoReader reader) {
		Visitor visitor = reader.crawlerAddress == null ? new Visitor(port)
				: new Visitor(port, reader.crawlerAddress, DemoReader.GOOGLEBOT);
		if (reader.email != null) {
			assertThat(visitor.signIn(reader.email, "demo-password").status()).isEqualTo(302);
		}
		return visitor;
	}

	private List<String> gatedTexts(Article article) {
		List<String> texts = new ArrayList<>(gatedParagraphs(article));
		texts.addAll(mustStayGated.getOrDefault(article.slug(), List.of()));
		return texts;
	}

	/**
	 * A distinctive run of text from each gated block: the longest stretch of one of its
	 * text nodes (a link or emphasis inside would break a longer one) without characters
	 * that HTML, XML or JSON might escape, so it matches the raw bytes of any response
	 * that carries the paragraph.
	 */
	private static List<String> gatedParagraphs(Article article) {
		List<String> snippets = new ArrayList<>();
		Jsoup.parseBodyFragment(article.gatedBody().html()).select("p, li, h3, blockquote").forEach(block -> {
			String longest = block.textNodes()
				.stream()
				.flatMap(text -> Arrays.stream(text.text().split("[&<>\"'\u2018\u2019\u201c\u201d\\\\]")))
				.map(String::strip)
				.max(Comparator.comparingInt(String::length))
				.orElse("");
			if (longest.length() >= 25) {
				snippets.add(longest);
			}
		});
		return snippets;
	}

}
