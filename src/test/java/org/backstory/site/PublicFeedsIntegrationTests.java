package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.StorylineTaxonomy;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.Taxonomy;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The per-tag, per-author and per-storyline feeds, feed autodiscovery in the page head,
 * and conditional GET on the feeds (issue 13 §2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class PublicFeedsIntegrationTests {

	private static final long ACTOR = 4242;

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Taxonomy taxonomy;

	@Autowired
	StorylineTaxonomy storylineTaxonomy;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void aTagsFeedCarriesItsArticlesOnlyWithPreviewsOfGatedOnes() {
		Tag tag = fixtures.tag();
		ArticleDraft free = publishWith(Visibility.everyone(), tag, null);
		ArticleDraft paid = publishWith(Visibility.paid(), tag, null);
		ArticleDraft untagged = fixtures.published(Visibility.everyone());

		Visitor.Page feed = new Visitor(port).get("/tag/" + tag.slug() + "/feed.xml");

		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.header("Content-Type")).startsWith("application/rss+xml");
		assertThat(feed.header("Cache-Control")).isEqualTo(ReadingCacheHeaders.SHARED);
		Document rss = xml(feed);
		assertThat(rss.select("channel > title").text()).startsWith(tag.name());
		assertThat(rss.select("channel > link").text()).endsWith("/tag/" + tag.slug());
		assertThat(rss.select("channel > description").text()).startsWith("Articles about " + tag.name() + " from ");
		assertThat(links(feed)).containsExactly(link(paid), link(free));
		assertThat(feed.body()).contains("Gated paragraph of " + free.slug(), "Free paragraph of " + paid.slug())
			.doesNotContain("Gated paragraph of " + paid.slug())
			.doesNotContain(untagged.slug());
	}

	@Test
	void aDescribedTagsFeedIsDescribedInTheEditorsWords() {
		Tag tag = fixtures.tag();
		taxonomy.editTag(ACTOR, tag.id(), tag.slug(), tag.name(), "Everything about the tides & the harbour.");

		Document rss = xml(new Visitor(port).get("/tag/" + tag.slug() + "/feed.xml"));

		assertThat(rss.select("channel > description").text()).isEqualTo("Everything about the tides & the harbour.");
	}

	@Test
	void anAuthorsFeedCarriesTheirArticlesOnly() {
		ArticleDraft mine = fixtures.published(Visibility.members());
		ArticleDraft other = fixtures.published(Visibility.everyone());

		Visitor.Page feed = new Visitor(port).get("/author/" + mine.authorSlugs().get(0) + "/feed.xml");

		assertThat(feed.status()).isEqualTo(200);
		assertThat(links(feed)).containsExactly(link(mine));
		assertThat(feed.body()).contains("Free paragraph of " + mine.slug())
			.doesNotContain("Gated paragraph of " + mine.slug())
			.doesNotContain(other.slug());
	}

	@Test
	void aStorylinesFeedCarriesItsPartsNewestFirst() {
		Storyline story = fixtures.storyline();
		ArticleDraft first = publishWith(Visibility.everyone(), null, story);
		ArticleDraft second = publishWith(Visibility.paid(), null, story);

		Visitor.Page feed = new Visitor(port).get("/story/" + story.slug() + "/feed.xml");

		assertThat(feed.status()).isEqualTo(200);
		assertThat(links(feed)).containsExactly(link(second), link(first));
		assertThat(feed.body()).doesNotContain("Gated paragraph of " + second.slug());
	}

	@Test
	void unknownSlugsAnswer404AndMovedOnesAnswer301ToTheCurrentFeed() {
		for (String path : List.of("/tag/no-such-tag-here/feed.xml", "/author/no-such-author/feed.xml",
				"/story/no-such-story-here/feed.xml")) {
			assertThat(new Visitor(port).get(path).status()).as(path).isEqualTo(404);
		}
		Tag tag = fixtures.tag();
		String renamedTag = ArticleFixtures.unique("renamed-tag");
		taxonomy.editTag(ACTOR, tag.id(), renamedTag, tag.name(), tag.description());
		Storyline story = fixtures.storyline();
		String renamedStory = ArticleFixtures.unique("renamed-story");
		storylineTaxonomy.editStoryline(ACTOR, story.id(), renamedStory, story.title(), story.description());

		Visitor.Page movedTag = new Visitor(port).get("/tag/" + tag.slug() + "/feed.xml");
		Visitor.Page movedStory = new Visitor(port).get("/story/" + story.slug() + "/feed.xml");

		assertThat(movedTag.status()).isEqualTo(301);
		assertThat(movedTag.header("Location")).endsWith("/tag/" + renamedTag + "/feed.xml");
		assertThat(movedStory.status()).isEqualTo(301);
		assertThat(movedStory.header("Location")).endsWith("/story/" + renamedStory + "/feed.xml");
	}

	@Test
	void everyReaderPageNamesTheSiteFeedAndListingPagesTheirOwn() {
		Tag tag = fixtures.tag();
		Storyline story = fixtures.storyline();
		ArticleDraft article = publishWith(Visibility.everyone(), tag, story);
		String author = "/author/" + article.authorSlugs().get(0);

		for (String path : List.of("/", "/p/" + article.slug(), "/search?q=anything")) {
			assertThat(feedLinks(path)).as(path).containsExactly("/feed.xml");
		}
		assertThat(feedLinks("/tag/" + tag.slug())).containsExactly("/feed.xml", "/tag/" + tag.slug() + "/feed.xml");
		assertThat(feedLinks(author)).containsExactly("/feed.xml", author + "/feed.xml");
		assertThat(feedLinks("/story/" + story.slug())).containsExactly("/feed.xml",
				"/story/" + story.slug() + "/feed.xml");
		for (String feed : feedLinks("/tag/" + tag.slug())) {
			assertThat(new Visitor(port).get(feed).status()).as(feed).isEqualTo(200);
		}
	}

	@Test
	void anUnchangedFeedAnswers304ToEitherValidatorWithoutABody() {
		Tag tag = fixtures.tag();
		publishWith(Visibility.everyone(), tag, null);
		String path = "/tag/" + tag.slug() + "/feed.xml";
		Visitor.Page first = new Visitor(port).get(path);
		String etag = first.header("ETag");
		String lastModified = first.header("Last-Modified");
		assertThat(etag).startsWith("\"");
		assertThat(lastModified).isNotEmpty();

		Visitor.Page byEtag = new Visitor(port).get(path, "If-None-Match", etag);
		Visitor.Page byDate = new Visitor(port).get(path, "If-Modified-Since", lastModified);
		Visitor.Page otherEtag = new Visitor(port).get(path, "If-None-Match", "\"something-else\"");

		assertThat(byEtag.status()).isEqualTo(304);
		assertThat(byEtag.body()).isEmpty();
		assertThat(byEtag.header("ETag")).isEqualTo(etag);
		assertThat(byDate.status()).isEqualTo(304);
		assertThat(byDate.body()).isEmpty();
		assertThat(otherEtag.status()).isEqualTo(200);
		assertThat(otherEtag.body()).isEqualTo(first.body());
		assertThat(
				new Visitor(port).get("/feed.xml", "If-None-Match", new Visitor(port).get("/feed.xml").header("ETag"))
					.status())
			.isEqualTo(304);
	}

	@Test
	void anEditChangesTheFeedsEtagAndDateSoTheOldValidatorsGetTheNewFeed() {
		Tag tag = fixtures.tag();
		ArticleDraft article = publishWith(Visibility.everyone(), tag, null);
		String path = "/tag/" + tag.slug() + "/feed.xml";
		Visitor.Page before = new Visitor(port).get(path);

		editor.save(new ArticleDraft(article.id(), article.slug(), "Edited " + article.title(), article.dek(),
				article.bodyMarkdown(), article.authorSlugs(), article.tagSlugs(), null, null, null,
				article.visibility()));
		Visitor.Page byEtag = new Visitor(port).get(path, "If-None-Match", before.header("ETag"));
		Visitor.Page byDate = new Visitor(port).get(path, "If-Modified-Since", before.header("Last-Modified"));

		assertThat(byEtag.status()).isEqualTo(200);
		assertThat(byEtag.header("ETag")).isNotEqualTo(before.header("ETag"));
		assertThat(byEtag.body()).contains("Edited " + article.title());
		assertThat(byDate.status()).isEqualTo(200);
		assertThat(byDate.body()).contains("Edited " + article.title());
	}

	@Test
	void unpublishingAnArticleTakesItOutOfItsFeedsAtOnce() {
		Tag tag = fixtures.tag();
		ArticleDraft kept = publishWith(Visibility.everyone(), tag, null);
		ArticleDraft dropped = publishWith(Visibility.everyone(), tag, null);
		String path = "/tag/" + tag.slug() + "/feed.xml";
		assertThat(new Visitor(port).get(path).body()).contains(dropped.slug());

		systemPublisher.unpublish(dropped.id());

		assertThat(new Visitor(port).get(path).body()).contains(kept.slug()).doesNotContain(dropped.slug());
	}

	private ArticleDraft publishWith(Visibility visibility, Tag tag, Storyline story) {
		ArticleDraft base = fixtures.draft(visibility);
		ArticleDraft draft = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), tag == null ? List.of() : List.of(tag.slug()), story == null ? null : story.slug(),
				null, null, visibility);
		return draft.withId(fixtures.publish(draft));
	}

	private List<String> feedLinks(String path) {
		Visitor.Page page = new Visitor(port).get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page.document().select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href");
	}

	private static Document xml(Visitor.Page page) {
		return org.jsoup.Jsoup.parse(page.body(), "", Parser.xmlParser());
	}

	private static List<String> links(Visitor.Page feed) {
		return xml(feed).select("item > link")
			.eachText()
			.stream()
			.map(l -> l.replaceFirst("^https?://[^/]+", ""))
			.toList();
	}

	private static String link(ArticleDraft article) {
		return "/p/" + article.slug();
	}

}
