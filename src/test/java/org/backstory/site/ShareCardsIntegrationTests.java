package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OpenGraph and Twitter cards on article, tag, author and storyline pages, over HTTP, and
 * the generated share images they point at: served as 1200×630 PNGs a CDN may keep, a 404
 * for an unknown slug.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShareCardsIntegrationTests {

	/** The configured base address, whatever it is in tests. */
	static final String BASE = "https?://[^/]+";

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	SystemPublisher systemPublisher;

	@Test
	void aPaidArticleWithoutACoverSharesItsDekAndAGeneratedCard() throws IOException {
		Document page = new Visitor(port).get("/p/port-anselm-summits").document();

		assertThat(meta(page, "og:type")).isEqualTo("article");
		assertThat(meta(page, "og:title"))
			.isEqualTo("Inside the Port Anselm summits: how two rivals learned to share a table");
		assertThat(meta(page, "og:description")).startsWith("Over eight months, Kestrian and Orvennan negotiators met");
		assertThat(meta(page, "og:url")).matches(BASE + "/p/port-anselm-summits");
		assertThat(meta(page, "og:site_name")).isNotBlank();
		assertThat(meta(page, "og:image")).matches(BASE + "/share/p/port-anselm-summits\\.png\\?v=[0-9a-f]{12}");
		assertThat(meta(page, "og:image:width")).isEqualTo("1200");
		assertThat(meta(page, "og:image:height")).isEqualTo("630");
		assertThat(meta(page, "article:published_time")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
		assertThat(meta(page, "article:modified_time")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
		assertThat(page.select("meta[property=article:tag]").eachAttr("content")).hasSize(2);
		assertThat(meta(page, "twitter:card")).isEqualTo("summary_large_image");
		assertThat(meta(page, "twitter:title")).isEqualTo(meta(page, "og:title"));
		assertThat(meta(page, "twitter:description")).isEqualTo(meta(page, "og:description"));
		assertThat(meta(page, "twitter:image")).isEqualTo(meta(page, "og:image"));
		assertThat(page.select("meta[property=og:title]")).as("said once").hasSize(1);

		Visitor.Download image = new Visitor(port).download(path(meta(page, "og:image")));
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.header("Content-Type")).isEqualTo("image/png");
		assertThat(image.header("Cache-Control")).isEqualTo(ShareImageController.CACHE);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
		assertThat(decoded.getWidth()).isEqualTo(1200);
		assertThat(decoded.getHeight()).isEqualTo(630);
	}

	@Test
	void tagAuthorAndStorylinePagesShareTheirOwnWordsAndACard() {
		Visitor visitor = new Visitor(port);
		Document tag = visitor.get("/tag/energy").document();
		Document author = visitor.get("/author/mira-castellan").document();
		Document storyline = visitor.get("/story/kestria-orvenna-thaw").document();

		assertThat(meta(tag, "og:title")).isEqualTo("Energy");
		assertThat(meta(tag, "og:description")).startsWith("Articles about Energy from ");
		assertThat(meta(author, "og:title")).isEqualTo(author.selectFirst("h1").text());
		assertThat(meta(author, "og:description")).isEqualTo(author.selectFirst(".bio").text());
		assertThat(meta(storyline, "og:title")).isEqualTo(storyline.selectFirst("h1").text());
		assertThat(meta(storyline, "og:description")).isEqualTo(storyline.selectFirst(".listing-header .dek").text());
		for (Document page : List.of(tag, author, storyline)) {
			String path = path(meta(page, "og:url"));
			assertThat(meta(page, "og:type")).as(path).isEqualTo("website");
			assertThat(meta(page, "og:image")).as(path).matches(BASE + "/share" + path + "\\.png\\?v=[0-9a-f]{12}");
			assertThat(meta(page, "twitter:card")).as(path).isEqualTo("summary_large_image");
			assertThat(page.select("meta[property^=article:]")).as(path).isEmpty();
			Visitor.Download image = visitor.download(path(meta(page, "og:image")));
			assertThat(image.status()).as(path).isEqualTo(200);
			assertThat(image.header("Content-Type")).as(path).isEqualTo("image/png");
		}
		assertThat(path(meta(tag, "og:url"))).isEqualTo("/tag/energy");
	}

	@Test
	void anArticleWithItsOwnSocialImageSharesItAndAnEditedTitleGetsANewCard() {
		String slug = ArticleFixtures.unique("share-card");
		long id = editor.save(new ArticleDraft(null, slug, "First headline " + slug, "The dek", "Body text.",
				List.of("mira-castellan"), List.of(), null, null, null, Visibility.everyone()));
		systemPublisher.publishNow(id);
		try {
			Visitor visitor = new Visitor(port);
			String firstImage = meta(visitor.get("/p/" + slug).document(), "og:image");
			byte[] firstPng = visitor.download(path(firstImage)).body();

			editor.save(new ArticleDraft(id, slug, "Second headline " + slug, "The dek", "Body text.",
					List.of("mira-castellan"), List.of(), null, null, null, Visibility.everyone()));
			String secondImage = meta(visitor.get("/p/" + slug).document(), "og:image");

			assertThat(secondImage).isNotEqualTo(firstImage)
				.matches(BASE + "/share/p/" + slug + "\\.png\\?v=[0-9a-f]{12}");
			assertThat(visitor.download(path(secondImage)).body()).isNotEqualTo(firstPng);

			editor.save(new ArticleDraft(id, slug, "Second headline " + slug, "The dek", "Body text.",
					List.of("mira-castellan"), List.of(), null, null, "https://images.example/cover.jpg",
					Visibility.everyone(), new ArticleSeo("", "", "https://images.example/social.jpg")));
			Document page = visitor.get("/p/" + slug).document();

			assertThat(meta(page, "og:image")).isEqualTo("https://images.example/social.jpg");
			assertThat(page.select("meta[property=og:image:width]")).isEmpty();
			assertThat(meta(page, "twitter:image")).isEqualTo("https://images.example/social.jpg");
		}
		finally {
			systemPublisher.unpublish(id);
		}
	}

	@Test
	void anUnknownSlugHasNoShareImage() {
		Visitor visitor = new Visitor(port);
		for (String path : List.of("/share/p/no-such-article.png", "/share/tag/no-such-tag.png",
				"/share/author/no-such-author.png", "/share/story/no-such-storyline.png")) {
			assertThat(visitor.download(path).status()).as(path).isEqualTo(404);
		}
	}

	private static String meta(Document page, String name) {
		return page.select("meta[property=" + name + "], meta[name=" + name + "]").attr("content");
	}

	private static String path(String url) {
		return url.replaceFirst("^https?://[^/]+", "");
	}

}
