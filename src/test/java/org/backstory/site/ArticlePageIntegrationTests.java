package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SettableClock;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article page as an anonymous reader gets it: body through the access module,
 * metadata without body text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class ArticlePageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	ArticleFixtures fixtures;

	@Autowired
	void fixtures(ArticleEditor editor, SystemPublisher systemPublisher, TaxonomyCreator taxonomyCreator) {
		this.fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
	}

	@Test
	void aPublicArticleIsReadInFullWithoutAPaywall() {
		ArticleDraft article = fixtures.published(Visibility.everyone());

		Document page = new Visitor(port).get("/p/" + article.slug()).document();

		assertThat(page.select(".article-body").text()).contains("Free paragraph of " + article.slug(),
				"Gated paragraph of " + article.slug());
		assertThat(page.select(".paywall-box")).isEmpty();
		assertThat(page.select(".article-header span.lock")).isEmpty();
	}

	@Test
	void anAnonymousReaderOfAPaidArticleGetsThePreviewAndThePaywallBoxOnly() {
		ArticleDraft article = fixtures.published(Visibility.paid());

		Visitor.Page page = new Visitor(port).get("/p/" + article.slug());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Free paragraph of " + article.slug())
			.doesNotContain("Gated paragraph of " + article.slug());
		assertThat(page.document().select(".paywall-box a[href^=/login]").text()).contains("Log in");
		Document document = page.document();
		assertThat(document.select(".paywalled-content > *"))
			.containsExactlyElementsOf(document.select(".paywall-box"));
		assertThat(page.document().select(".article-header span.lock").text()).isEqualTo("Paid");
	}

	@Test
	void aGatedArticleCarriesNewsArticleDataMarkedNotFreeWithItsGatedPart() {
		for (Visibility visibility : List.of(Visibility.paid(), Visibility.members())) {
			ArticleDraft article = fixtures.published(visibility);

			JsonNode data = jsonLd(new Visitor(port).get("/p/" + article.slug()).document());

			assertThat(data.path("@type").asString()).isEqualTo("NewsArticle");
			assertThat(data.path("headline").asString()).isEqualTo(article.title());
			assertThat(data.path("description").asString()).isEqualTo(article.dek());
			assertThat(data.path("isAccessibleForFree").isBoolean()).isTrue();
			assertThat(data.path("isAccessibleForFree").asBoolean()).isFalse();
			assertThat(data.path("hasPart").path("@type").asString()).isEqualTo("WebPageElement");
			assertThat(data.path("hasPart").path("isAccessibleForFree").asBoolean(true)).isFalse();
			assertThat(data.path("hasPart").path("cssSelector").asString()).isEqualTo(".paywalled-content");
			assertThat(data.path("author").get(0).path("name").asString()).startsWith("Author ");
			assertThat(data.path("publisher").path("name").asString()).isNotEmpty();
			assertThat(data.path("datePublished").asString()).endsWith("Z");
			assertThat(data.path("dateModified").asString()).endsWith("Z");
		}
	}

	@Test
	void aPublicArticleIsMarkedFreeWithoutAGatedPart() {
		ArticleDraft article = fixtures.published(Visibility.everyone());

		JsonNode data = jsonLd(new Visitor(port).get("/p/" + article.slug()).document());

		assertThat(data.path("isAccessibleForFree").asBoolean(false)).isTrue();
		assertThat(data.has("hasPart")).isFalse();
	}

	@Test
	void metadataNeverCarriesBodyText() {
		ArticleDraft article = fixtures.published(Visibility.paid());

		Document page = new Visitor(port).get("/p/" + article.slug()).document();

		assertThat(page.select("script[type=application/ld+json]").html()).doesNotContain("paragraph of");
		assertThat(page.select("meta[name=description]").attr("content")).isEqualTo(article.dek());
		assertThat(page.select("meta[property=og:description]").attr("content")).isEqualTo(article.dek());
		assertThat(page.select("head").html()).doesNotContain("paragraph of");
		assertThat(page.select("link[rel=canonical]").attr("href")).endsWith("/p/" + article.slug());
	}

	@Test
	void markupInTitlesCannotBreakOutOfTheJsonLdScript() {
		ArticleDraft base = fixtures.draft(Visibility.paid());
		String title = "Talks </script><script>alert(1)</script> & \"quotes\"";
		ArticleDraft article = new ArticleDraft(null, base.slug(), title, "Dek <b>bold</b> & more", base.bodyMarkdown(),
				base.authorSlugs(), List.of(), null, null, null, base.visibility());
		fixtures.publish(article);

		Visitor.Page page = new Visitor(port).get("/p/" + article.slug());

		assertThat(page.body()).doesNotContain("<script>alert(1)");
		assertThat(page.document().select("script")).hasSize(1);
		JsonNode data = jsonLd(page.document());
		assertThat(data.path("headline").asString()).isEqualTo(title);
		assertThat(data.path("description").asString()).isEqualTo("Dek <b>bold</b> & more");
		assertThat(page.document().select("h1").text()).isEqualTo(title);
	}

	private JsonNode jsonLd(Document page) {
		Element script = page.selectFirst("script[type=application/ld+json]");
		assertThat(script).isNotNull();
		return json.readTree(script.data());
	}

}
