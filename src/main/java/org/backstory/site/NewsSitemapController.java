package org.backstory.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.BackstoryProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Google News's sitemap: the articles published in the last two days, at most 1,000,
 * newest first, as Google News asks (older ones stay in the main sitemap). Each entry
 * carries the address, the publication, the language, the publication time and the title:
 * metadata every reader may see, never text.
 */
@Controller
class NewsSitemapController {

	static final Duration RECENT = Duration.ofDays(2);

	static final int MOST = 1_000;

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final ArticleCatalog catalog;

	private final PublicationService publications;

	private final BackstoryProperties properties;

	private final Clock clock;

	NewsSitemapController(ArticleCatalog catalog, PublicationService publications, BackstoryProperties properties,
			Clock clock) {
		this.catalog = catalog;
		this.publications = publications;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/sitemap-news.xml")
	ResponseEntity<String> newsSitemap() {
		Instant since = clock.instant().minus(RECENT);
		List<ArticleSummary> recent = catalog.allPublished()
			.stream()
			.filter(article -> article.publishedAt().isAfter(since))
			.limit(MOST)
			.toList();
		String publication = publications.publication().name();
		XmlDocument xml = new XmlDocument().start("urlset", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9",
				"xmlns:news", "http://www.google.com/schemas/sitemap-news/0.9");
		for (ArticleSummary article : recent) {
			xml.start("url")
				.element("loc", properties.link(ArticleLinks.page(article.slug())))
				.start("news:news")
				.start("news:publication")
				.element("news:name", publication)
				.element("news:language", "en")
				.end()
				.element("news:publication_date", ReadingDate.of(article.publishedAt()).iso())
				.element("news:title", article.title())
				.end()
				.end();
		}
		return ResponseEntity.ok().contentType(XML).body(xml.end().finish());
	}

}
