package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class FeedAndSitemapIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	SettableClock clock;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void theFeedIsWellFormedRssWithFullPublicArticlesAndTeasersForTheRest() throws Exception {
		ArticleDraft free = fixtures.published(Visibility.everyone());
		ArticleDraft members = fixtures.published(Visibility.members());
		ArticleDraft paid = fixtures.published(Visibility.paid());

		Visitor.Page feed = new Visitor(port).get("/feed.xml");

		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("application/rss+xml");
		Document rss = parse(feed.body());
		assertThat(rss.getDocumentElement().getTagName()).isEqualTo("rss");
		assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		String freeItem = description(rss, free);
		assertThat(freeItem).contains("Free paragraph of " + free.slug(), "Gated paragraph of " + free.slug())
			.doesNotContain("Continue reading");
		for (ArticleDraft gated : List.of(members, paid)) {
			assertThat(description(rss, gated)).contains("Free paragraph of " + gated.slug(), "Continue reading",
					"/p/" + gated.slug());
		}
		assertThat(feed.body()).doesNotContain("Gated paragraph of " + members.slug())
			.doesNotContain("Gated paragraph of " + paid.slug());
	}

	@Test
	void theFeedEscapesMarkupAndDropsCharactersXmlCannotCarry() throws Exception {
		ArticleDraft base = fixtures.draft(Visibility.everyone());
		String title = "Borders & <walls> \u0001\"quoted\" ]]> end";
		ArticleDraft article = new ArticleDraft(null, base.slug(), title, base.dek(),
				"Text with a control \u0007 char and a ]]> sequence.", base.authorSlugs(), List.of(), null, null, null,
				base.visibility());
		fixtures.publish(article);

		Document rss = parse(new Visitor(port).get("/feed.xml").body());

		Element item = item(rss, article);
		assertThat(text(item, "title")).isEqualTo("Borders & <walls> \"quoted\" ]]> end");
		assertThat(text(item, "description")).contains("Text with a control  char and a ]]&gt; sequence.");
	}

	@Test
	void draftsNeverReachTheFeedOrTheSitemap() throws Exception {
		ArticleDraft draft = fixtures.draft(Visibility.everyone());
		editor.save(draft);

		assertThat(new Visitor(port).get("/feed.xml").body()).doesNotContain(draft.slug());
		assertThat(new Visitor(port).get("/sitemap.xml").body()).doesNotContain(draft.slug());
	}

	@Test
	void theSitemapListsPublishedArticlesAndTheirTagAuthorAndStorylinePages() throws Exception {
		Tag tag = fixtures.tag();
		Storyline story = fixtures.storyline();
		ArticleDraft base = fixtures.draft(Visibility.paid());
		ArticleDraft article = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), List.of(tag.slug()), story.slug(), null, null, base.visibility());
		fixtures.publish(article);

		Visitor.Page sitemap = new Visitor(port).get("/sitemap.xml");

		assertThat(sitemap.status()).isEqualTo(200);
		assertThat(sitemap.header("Content-Type")).startsWith("application/xml");
		Document xml = parse(sitemap.body());
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
		List<String> locations = texts(xml.getElementsByTagNameNS("*", "loc"));
		assertThat(locations).anyMatch(loc -> loc.endsWith("/p/" + article.slug()))
			.anyMatch(loc -> loc.endsWith("/tag/" + tag.slug()))
			.anyMatch(loc -> loc.endsWith("/author/" + article.authorSlugs().get(0)))
			.anyMatch(loc -> loc.endsWith("/story/" + story.slug()))
			.allMatch(loc -> loc.startsWith("http"));
		assertThat(sitemap.body()).doesNotContain("paragraph of");
	}

	@Test
	void theNewsSitemapListsOnlyArticlesOfTheLastTwoDaysWithGoogleNewsTags() throws Exception {
		clock.advance(Duration.ofDays(-3));
		ArticleDraft old;
		try {
			old = fixtures.published(Visibility.everyone());
		}
		finally {
			clock.reset();
		}
		ArticleDraft recent = fixtures.published(Visibility.paid());

		Visitor.Page sitemap = new Visitor(port).get("/sitemap-news.xml");

		assertThat(sitemap.status()).isEqualTo(200);
		assertThat(sitemap.header("Content-Type")).startsWith("application/xml");
		Document xml = parse(sitemap.body());
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
		List<String> locations = texts(
				xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc"));
		assertThat(locations).anyMatch(loc -> loc.endsWith("/p/" + recent.slug()))
			.noneMatch(loc -> loc.endsWith("/p/" + old.slug()))
			.allMatch(loc -> loc.startsWith("http") && loc.contains("/p/"));
		String news = "http://www.google.com/schemas/sitemap-news/0.9";
		assertThat(xml.getElementsByTagNameNS(news, "news").getLength()).isEqualTo(locations.size());
		assertThat(texts(xml.getElementsByTagNameNS(news, "title"))).contains(recent.title());
		assertThat(texts(xml.getElementsByTagNameNS(news, "language"))).containsOnly("en");
		assertThat(texts(xml.getElementsByTagNameNS(news, "name"))).doesNotContain("");
		assertThat(texts(xml.getElementsByTagNameNS(news, "publication_date")))
			.allMatch(date -> Instant.parse(date).isAfter(clock.instant().minus(Duration.ofDays(2))));
		assertThat(sitemap.body()).doesNotContain("paragraph of");
	}

	@Test
	void robotsPointsAtTheSitemap() {
		Visitor.Page robots = new Visitor(port).get("/robots.txt");

		assertThat(robots.status()).isEqualTo(200);
		assertThat(robots.header("Content-Type")).startsWith("text/plain");
		assertThat(robots.body()).contains("User-agent: *", "Disallow: /account", "Sitemap: http")
			.containsPattern("Sitemap: http\\S+/sitemap\\.xml\n")
			.containsPattern("Sitemap: http\\S+/sitemap-news\\.xml\n");
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static Element item(Document rss, ArticleDraft article) {
		NodeList items = rss.getElementsByTagName("item");
		for (int i = 0; i < items.getLength(); i++) {
			Element item = (Element) items.item(i);
			if (text(item, "link").endsWith("/p/" + article.slug())) {
				return item;
			}
		}
		throw new AssertionError("no feed item for " + article.slug());
	}

	private static String description(Document rss, ArticleDraft article) {
		return text(item(rss, article), "description");
	}

	private static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent();
	}

	private static List<String> texts(NodeList nodes) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

}
