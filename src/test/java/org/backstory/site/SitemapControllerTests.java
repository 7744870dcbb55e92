package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.Entities;
import org.backstory.publishing.TagRef;
import org.backstory.publishing.Visibility;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/**
 * Past the protocol's limit of addresses per file the sitemap becomes an index of
 * numbered files that together list exactly what one file would; the limit is lowered
 * here to three so five articles overflow it.
 */
class SitemapControllerTests {

	private final BackstoryProperties properties = new BackstoryProperties(URI.create("https://news.example"),
			Path.of("data"), null);

	private final ArticleCatalog catalog = mock(ArticleCatalog.class);

	SitemapControllerTests() {
		List<ArticleSummary> articles = new ArrayList<>();
		for (int day = 5; day >= 1; day--) {
			Instant published = Instant.parse("2026-12-0" + day + "T10:00:00Z");
			articles.add(new ArticleSummary(day, "article-" + day, "Article " + day, "",
					List.of(new AuthorRef("ana", "Ana")), List.of(new TagRef("tag-" + day, "Tag " + day)), null, null,
					published, published, Visibility.everyone()));
		}
		given(catalog.allPublished()).willReturn(articles);
	}

	@Test
	void pastTheLimitTheSitemapIsAnIndexOfFilesThatTogetherListEveryAddressOnce() {
		List<String> whole = locations(
				new SitemapController(catalog, mock(Entities.class), properties).sitemap().getBody(), "url");
		SitemapController small = new SitemapController(catalog, mock(Entities.class), properties, 3);

		Document index = xml(small.sitemap().getBody());

		assertThat(index.selectFirst("sitemapindex")).isNotNull();
		assertThat(locations(small.sitemap().getBody(), "sitemap")).containsExactly(
				"https://news.example/sitemap-1.xml", "https://news.example/sitemap-2.xml",
				"https://news.example/sitemap-3.xml", "https://news.example/sitemap-4.xml");
		assertThat(index.select("sitemap > lastmod").eachText()).first().isEqualTo("2026-12-05");
		List<String> fromFiles = new ArrayList<>();
		for (int number = 1; number <= 4; number++) {
			List<String> file = locations(small.sitemapFile(number).getBody(), "url");
			assertThat(file).hasSizeBetween(1, 3);
			fromFiles.addAll(file);
		}
		assertThat(whole).hasSize(12).doesNotHaveDuplicates();
		assertThat(fromFiles).containsExactlyElementsOf(whole);
		assertThatThrownBy(() -> small.sitemapFile(5)).isInstanceOf(ResponseStatusException.class);
		assertThatThrownBy(() -> small.sitemapFile(0)).isInstanceOf(ResponseStatusException.class);
	}

	@Test
	void withinTheLimitThereAreNoNumberedFiles() {
		SitemapController controller = new SitemapController(catalog, mock(Entities.class), properties);

		assertThat(xml(controller.sitemap().getBody()).selectFirst("urlset")).isNotNull();
		assertThatThrownBy(() -> controller.sitemapFile(1)).isInstanceOf(ResponseStatusException.class);
	}

	private static Document xml(String body) {
		return Jsoup.parse(body, "", Parser.xmlParser());
	}

	private static List<String> locations(String body, String entry) {
		return xml(body).select(entry + " > loc").eachText();
	}

}
