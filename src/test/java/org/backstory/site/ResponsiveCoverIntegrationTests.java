package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.backstory.Visitor;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.ResponsiveImages;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An uploaded cover image is offered in every width it has; any other cover is shown as
 * it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponsiveCoverIntegrationTests {

	private static final String COPY = "https://news.example/media/2026/12/0123456789abcdef-";

	@LocalServerPort
	int port;

	@Autowired
	ArticleEditor editor;

	@Autowired
	TaxonomyCreator taxonomyCreator;

	@Autowired
	SystemPublisher systemPublisher;

	@Test
	void anUploadedCoverGetsASrcset() {
		Element cover = coverOf(COPY + "960.jpg");

		assertThat(cover.attr("src")).isEqualTo(COPY + "960.jpg");
		assertThat(cover.attr("srcset")).isEqualTo(COPY + "480.jpg 480w, " + COPY + "960.jpg 960w");
		assertThat(cover.attr("sizes")).isEqualTo(ResponsiveImages.SIZES);
	}

	@Test
	void anyOtherCoverIsShownAsItIs() {
		Element cover = coverOf("https://images.example/cover.jpg");

		assertThat(cover.attr("src")).isEqualTo("https://images.example/cover.jpg");
		assertThat(cover.hasAttr("srcset")).isFalse();
		assertThat(cover.hasAttr("sizes")).isFalse();
	}

	private Element coverOf(String coverUrl) {
		ArticleFixtures fixtures = new ArticleFixtures(editor, systemPublisher, taxonomyCreator);
		ArticleDraft base = fixtures.draft(Visibility.everyone());
		fixtures.publish(new ArticleDraft(null, base.slug(), base.title(), base.dek(), base.bodyMarkdown(),
				base.authorSlugs(), base.tagSlugs(), null, null, coverUrl, base.visibility()));
		return new Visitor(port).get("/p/" + base.slug()).document().selectFirst("figure.cover img");
	}

}
