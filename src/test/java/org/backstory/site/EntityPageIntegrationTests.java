package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.Entities;
import org.backstory.publishing.Entity;
import org.backstory.publishing.PublishingProbe;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An entity's page at /who/{slug}: the published articles that name it, newest first, and
 * its quotes by date, a quote from a gated part only for readers who may read that
 * article. Articles are saved through the editor, so mentions and quotes are found as
 * they are for any article.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	Entities entities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private final List<Long> published = new ArrayList<>();

	private Entity entity;

	private ArticleDraft paid;

	private ArticleDraft open;

	private ArticleDraft gatedOnly;

	private String gatedQuote;

	@BeforeAll
	void publishArticlesThatNameAnEntity() {
		String unique = ArticleFixtures.unique("who");
		entity = entities.seed("person", unique, "Odile Varga " + unique, "Harbour master of Sael.",
				List.of("Varga " + unique));
		String name = entity.name();
		String alias = entity.aliases().get(0);
		gatedQuote = "A gated quote only readers of the whole article see " + unique;
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		paid = publish(fixtures.draft(Visibility.paid()), """
				The free part names %s.

				> "A free quote from the open part of %s." — %s, 2017-09-22

				<!-- paywall -->

				The gated part goes on.

				> "%s." — %s, 2018-01-05
				""".formatted(alias, unique, name, gatedQuote, alias), 3);
		open = publish(fixtures.draft(Visibility.everyone()), """
				Everyone reads about %s here; %s in lower case is not a name.

				> "An undated public quote of %s." — %s
				""".formatted(name, alias.toLowerCase(), unique, alias), 1);
		gatedOnly = publish(fixtures.draft(Visibility.paid()), """
				The free part names nobody.

				<!-- paywall -->

				Only the gated part names %s.
				""".formatted(name), 2);
		ArticleDraft draft = fixtures.draft(Visibility.everyone());
		editor.save(new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), "A draft naming " + name + ".",
				draft.authorSlugs(), List.of(), null, null, null, draft.visibility()));
	}

	private ArticleDraft publish(ArticleDraft draft, String body, int daysAgo) {
		ArticleDraft written = new ArticleDraft(null, draft.slug(), draft.title(), draft.dek(), body,
				draft.authorSlugs(), List.of(), null, null, null, draft.visibility());
		long id = editor.save(written);
		systemPublisher.publish(id, clock.instant().minus(Duration.ofDays(daysAgo)));
		published.add(id);
		return written.withId(id);
	}

	@AfterAll
	void putBack() {
		published.forEach(systemPublisher::unpublish);
		PublishingProbe.forgetEntities(jdbc, List.of(entity.id()));
	}

	@Test
	void anAnonymousReaderSeesTheBioTheTimelineAndThePublicQuotesOnly() {
		Visitor.Page page = new Visitor(port).get("/who/" + entity.slug());

		assertThat(page.status()).isEqualTo(200);
		Document document = page.document();
		assertThat(document.select("h1").text()).isEqualTo(entity.name());
		assertThat(document.select(".listing-header .bio").text()).isEqualTo("Harbour master of Sael.");
		assertThat(document.select(".entity-timeline .article-list h2 a").eachText()).containsExactly(open.title(),
				paid.title());
		assertThat(document.select(".quote-index blockquote").eachText()).containsExactly(
				"“An undated public quote of " + entity.slug() + ".”",
				"“A free quote from the open part of " + entity.slug() + ".”");
		assertThat(document.select(".quote-index li:eq(1) time").attr("datetime")).isEqualTo("2017-09-22");
		assertThat(document.select(".quote-index li:eq(1) .meta a").attr("href")).isEqualTo("/p/" + paid.slug());
		assertThat(document.select(".quote-index li:eq(1) .lock")).hasSize(1);
		assertThat(page.body()).doesNotContain(gatedQuote).doesNotContain(gatedOnly.title());
	}

	@Test
	void aSubscriberSeesTheGatedQuoteInDateOrder() {
		Document document = Visitor.demoAccount(port, "subscriber@demo.test").get("/who/" + entity.slug()).document();

		assertThat(document.select(".quote-index blockquote").eachText()).containsExactly(
				"“An undated public quote of " + entity.slug() + ".”", "“" + gatedQuote + ".”",
				"“A free quote from the open part of " + entity.slug() + ".”");
		assertThat(document.select(".quote-index li:eq(1) time").attr("datetime")).isEqualTo("2018-01-05");
		assertThat(document.select(".entity-timeline .article-list h2 a").eachText()).containsExactly(open.title(),
				paid.title());
	}

	@Test
	void aFreeMemberDoesNotSeeTheGatedQuote() {
		Visitor.Page page = Visitor.demoAccount(port, "reader@demo.test").get("/who/" + entity.slug());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).isEqualTo("private, no-store");
		assertThat(page.document().select(".quote-index blockquote")).hasSize(2);
		assertThat(page.body()).doesNotContain(gatedQuote);
	}

	@Test
	void anUnpublishedArticleLeavesTheTimelineAndTheQuoteIndex() {
		systemPublisher.unpublish(open.id());
		try {
			Document document = new Visitor(port).get("/who/" + entity.slug()).document();
			assertThat(document.select(".entity-timeline .article-list h2 a").eachText()).containsExactly(paid.title());
			assertThat(document.select(".quote-index blockquote").eachText())
				.containsExactly("“A free quote from the open part of " + entity.slug() + ".”");
		}
		finally {
			systemPublisher.publish(open.id(), clock.instant().minus(Duration.ofDays(1)));
		}
	}

	@Test
	void anUnknownEntityOrAPagePastTheEndIs404() {
		Visitor visitor = new Visitor(port);

		assertThat(visitor.get("/who/" + ArticleFixtures.unique("nobody")).status()).isEqualTo(404);
		assertThat(visitor.get("/who/" + entity.slug() + "?page=2").status()).isEqualTo(404);
	}

	@Test
	void theSitemapListsThePageOfAnEntityAPublishedArticleMentions() {
		String sitemap = new Visitor(port).get("/sitemap.xml").body();

		assertThat(sitemap).contains("/who/" + entity.slug() + "</loc>");
	}

}
