package org.backstory.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.access.AccessDecision.Remedy;
import org.backstory.access.ArticleGate;
import org.backstory.access.Edition;
import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Editions rendered from what the real access gate lets out of a real published article.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class EditionRendererIntegrationTests {

	static final Newsletter NEWSLETTER = new Newsletter(1, "weekly", "The Weekly", "Every week.", "The Backstory",
			"news@example.com", null, true);

	@Autowired
	EditionRenderer renderer;

	@Autowired
	ArticleGate gate;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Autowired
	PublicationService publications;

	@Autowired
	BackstoryProperties site;

	@Autowired
	SettableClock clock;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void noPreviewEditionCarriesThePaidText() {
		ArticleDraft draft = fixtures.published(Visibility.paid());
		Article article = catalog.forSending(draft.id()).orElseThrow();

		for (Remedy remedy : Remedy.values()) {
			EditionContent content = render(gate.openEdition(article, new Edition(remedy)));

			for (String part : new String[] { content.html(), content.text() }) {
				assertThat(part).as(remedy.name())
					.contains("Free paragraph of " + draft.slug())
					.doesNotContain("Gated paragraph of " + draft.slug());
			}
			Document html = Jsoup.parse(content.html());
			assertThat(html.select("table.bs-box a[href]").eachAttr("href")).as(remedy.name())
				.hasSize(2)
				.allMatch(href -> href.startsWith(site.link("/")));
			assertThat(html.select("table.bs-box a").last().text()).as(remedy.name()).endsWith("Log in");
		}
	}

	@Test
	void theCompleteEditionCarriesThePaidText() {
		ArticleDraft draft = fixtures.published(Visibility.paid());
		Article article = catalog.forSending(draft.id()).orElseThrow();

		EditionContent content = render(gate.openEdition(article, Edition.COMPLETE));

		assertThat(content.html()).contains("Free paragraph of " + draft.slug(), "Gated paragraph of " + draft.slug());
		assertThat(content.text()).contains("Free paragraph of " + draft.slug(), "Gated paragraph of " + draft.slug());
		Document html = Jsoup.parse(content.html());
		assertThat(html.select("table.bs-box")).isEmpty();
		assertThat(html.selectFirst("h1 a").attr("href")).isEqualTo(site.link("/p/" + draft.slug()));
	}

	@Test
	void anEmailOnlyArticleIsRenderedWithoutALinkToAPageItDoesNotHave() {
		ArticleDraft draft = fixtures.draft(Visibility.everyone());
		long id = editor.save(draft);
		systemPublisher.publish(id, clock.instant(), false);

		EditionContent content = render(gate.openEdition(catalog.forSending(id).orElseThrow(), Edition.COMPLETE));

		assertThat(Jsoup.parse(content.html()).selectFirst("h1").text()).isEqualTo(draft.title());
		assertThat(content.html()).doesNotContain(site.link("/p/" + draft.slug()));
		assertThat(content.text()).contains("Gated paragraph of " + draft.slug()).doesNotContain("/p/" + draft.slug());
	}

	private EditionContent render(ReadableArticle readable) {
		return renderer.render(NEWSLETTER, readable, publications.publication());
	}

}
