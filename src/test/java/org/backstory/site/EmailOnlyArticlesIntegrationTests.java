package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.backstory.Visitor;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.Storyline;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Tag;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An article published for email only is on no reader-facing channel, yet a newsletter
 * send finds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class EmailOnlyArticlesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	SettableClock clock;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void anEmailOnlyArticleIsOnNoPageListFeedOrSitemapButASendFindsIt() {
		Story story = story();
		long id = emailOnly(story.middle());

		assertAbsentEverywhere(story.middle(), story);
		Document timeline = new Visitor(port).get("/story/" + story.storyline().slug()).document();
		assertThat(timeline.select("ol.timeline > li h2 a").eachText()).containsExactly(story.first().title(),
				story.last().title());
		assertThat(timeline.select("ol.timeline > li .meta").eachText().get(1)).startsWith("Part 2");
		Document last = new Visitor(port).get("/p/" + story.last().slug()).document();
		assertThat(last.select(".article-header .kicker a").text()).isEqualTo("Part 2 of " + story.storyline().title());
		assertThat(last.select(".storyline-nav a[rel=prev]").attr("href")).isEqualTo("/p/" + story.first().slug());

		Article forSending = catalog.forSending(id).orElseThrow();
		assertThat(forSending.slug()).isEqualTo(story.middle().slug());
		assertThat(forSending.storyline().position()).isEqualTo(2);
	}

	@Test
	void publishingAnEmailOnlyArticleOnTheSiteLaterShowsIt() {
		Story story = story();
		long id = emailOnly(story.middle());

		systemPublisher.publish(id, clock.instant(), true);

		assertThat(catalog.forSending(id).orElseThrow().onSite()).isTrue();

		String slug = story.middle().slug();
		assertThat(new Visitor(port).get("/p/" + slug).status()).isEqualTo(200);
		assertThat(new Visitor(port).get("/").body()).contains(story.middle().title());
		assertThat(new Visitor(port).get("/tag/" + story.tag().slug()).body()).contains(story.middle().title());
		assertThat(new Visitor(port).get("/feed.xml").body()).contains("/p/" + slug);
		assertThat(new Visitor(port).get("/sitemap.xml").body()).contains("/p/" + slug);
		assertThat(new Visitor(port).get("/p/" + story.last().slug())
			.document()
			.select(".article-header .kicker a")
			.text()).isEqualTo("Part 3 of " + story.storyline().title());
	}

	@Test
	void anEmailOnlyArticlesOldSlugDoesNotRedirectToIt() {
		ArticleDraft draft = fixtures.draft(Visibility.everyone());
		long id = emailOnly(draft);
		String renamed = ArticleFixtures.unique("renamed");

		editor.changeSlug(id, renamed);

		assertThat(new Visitor(port).get("/p/" + draft.slug()).status()).isEqualTo(404);
		assertThat(new Visitor(port).get("/p/" + renamed).status()).isEqualTo(404);
	}

	private void assertAbsentEverywhere(ArticleDraft article, Story story) {
		String slug = article.slug();
		assertThat(new Visitor(port).get("/p/" + slug).status()).isEqualTo(404);
		for (String path : List.of("/", "/tag/" + story.tag().slug(), "/author/" + article.authorSlugs().get(0),
				"/story/" + story.storyline().slug(), "/feed.xml", "/sitemap.xml", "/p/" + story.first().slug(),
				"/p/" + story.last().slug())) {
			Visitor.Page page = new Visitor(port).get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path)
				.doesNotContainPattern(whole(slug))
				.doesNotContainPattern(whole(article.title()));
		}
	}

	/**
	 * The text not followed by more of a slug, since fixture slugs end in a counter ("-1"
	 * is in "-12").
	 */
	private static Pattern whole(String text) {
		return Pattern.compile(Pattern.quote(text) + "(?![a-z0-9])");
	}

	/**
	 * Three parts of a new storyline with one tag; the first and last are published on
	 * the site.
	 */
	private Story story() {
		Storyline storyline = fixtures.storyline();
		Tag tag = fixtures.tag();
		ArticleDraft first = part(storyline, tag, 1);
		ArticleDraft middle = part(storyline, tag, 2);
		ArticleDraft last = part(storyline, tag, 3);
		fixtures.publish(first);
		fixtures.publish(last);
		return new Story(storyline, tag, first, middle, last);
	}

	private ArticleDraft part(Storyline storyline, Tag tag, int position) {
		ArticleDraft d = fixtures.draft(Visibility.everyone());
		return new ArticleDraft(null, d.slug(), d.title(), d.dek(), d.bodyMarkdown(), d.authorSlugs(),
				List.of(tag.slug()), storyline.slug(), position, d.coverImageUrl(), d.visibility());
	}

	private long emailOnly(ArticleDraft draft) {
		long id = editor.save(draft);
		systemPublisher.publish(id, clock.instant(), false);
		return id;
	}

	private record Story(Storyline storyline, Tag tag, ArticleDraft first, ArticleDraft middle, ArticleDraft last) {
	}

}
