package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Rendering alone, so the bodies are rendered as public articles (all preview). */
class ResponsiveImagesTests {

	private static final String COPY = "/media/2026/12/0123456789abcdef-";

	private final ArticleRenderer renderer = new ArticleRenderer();

	@Test
	void anUploadedImageInTheBodyGetsEveryWidthAsItsSrcset() {
		RenderedBody body = renderer.render("Look:\n\n![](" + COPY + "1600.jpg)\n", false);

		Element img = Jsoup.parse(body.previewHtml()).selectFirst("img");
		assertThat(img.attr("src")).isEqualTo(COPY + "1600.jpg");
		assertThat(img.attr("srcset"))
			.isEqualTo(COPY + "480.jpg 480w, " + COPY + "960.jpg 960w, " + COPY + "1600.jpg 1600w");
		assertThat(img.attr("sizes")).isEqualTo(ResponsiveImages.SIZES);
	}

	@Test
	void anImageNarrowerThanTheLargestWidthListsOnlyTheCopiesItHas() {
		assertThat(ResponsiveImages.srcset(COPY + "1000.png"))
			.hasValue(COPY + "480.png 480w, " + COPY + "960.png 960w, " + COPY + "1000.png 1000w");
		assertThat(ResponsiveImages.srcset(COPY + "300.png")).hasValue(COPY + "300.png 300w");
		assertThat(ResponsiveImages.srcset("https://news.example" + COPY + "960.jpg"))
			.hasValue("https://news.example" + COPY + "480.jpg 480w, https://news.example" + COPY + "960.jpg 960w");
	}

	@Test
	void otherImagesGetNoSrcsetAndAuthorsCannotSetOne() {
		RenderedBody body = renderer.render("""
				![](https://elsewhere.example/photo-1600.jpg)

				<img src="/media/2026/12/not-ours-1600.jpg" srcset="https://evil.example/x.jpg 1w">
				""", false);

		assertThat(Jsoup.parse(body.previewHtml()).select("img")).hasSize(2)
			.allSatisfy(img -> assertThat(img.hasAttr("srcset")).isFalse());
		assertThat(ResponsiveImages.srcset(null)).isEmpty();
	}

}
