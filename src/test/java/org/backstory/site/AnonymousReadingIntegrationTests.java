package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymous reading is cacheable and stateless: no cookie, no session row, whatever page
 * is read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class AnonymousReadingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void readingPagesAreSharedForAMinuteAndSetNoCookieAndNoSession() {
		List<String> paths = readingPaths();
		long sessionsBefore = sessionRows();

		for (String path : paths) {
			Visitor.Page page = new Visitor(port).get(path);

			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.header("Cache-Control")).as(path).isEqualTo("public, max-age=60");
			assertThat(page.headers().allValues("Vary")).as(path).contains("Cookie");
			assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
		assertThat(sessionRows()).isEqualTo(sessionsBefore);
	}

	@Test
	void aPermanentRedirectSetsNoCookieEither() {
		ArticleDraft article = fixtures.published(Visibility.paid());
		editor.changeSlug(article.id(), ArticleFixtures.unique("renamed"));

		Visitor.Page page = new Visitor(port).get("/p/" + article.slug());

		assertThat(page.status()).isEqualTo(301);
		assertThat(page.header("Cache-Control")).isEqualTo("public, max-age=60");
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void notFoundPagesAreNotStoredAndSetNoCookie() {
		long sessionsBefore = sessionRows();

		Visitor.Page page = new Visitor(port).get("/p/" + ArticleFixtures.unique("missing"));

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("Cache-Control")).isEqualTo("no-store");
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(sessionRows()).isEqualTo(sessionsBefore);
	}

	private List<String> readingPaths() {
		Tag tag = fixtures.tag();
		Storyline story = fixtures.storyline();
		ArticleDraft base = fixtures.draft(Visibility.paid());
		ArticleDraft paid = new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), List.of(tag.slug()), story.slug(), null, null, base.visibility());
		fixtures.publish(paid);
		ArticleDraft free = fixtures.published(Visibility.everyone());
		return List.of("/", "/p/" + paid.slug(), "/p/" + free.slug(), "/tag/" + tag.slug(),
				"/author/" + paid.authorSlugs().get(0), "/story/" + story.slug(), "/feed.xml", "/sitemap.xml",
				"/robots.txt");
	}

	private long sessionRows() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

}
