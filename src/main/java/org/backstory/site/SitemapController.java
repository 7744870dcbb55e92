package org.backstory.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.StorylineRef;
import org.backstory.publishing.TagRef;
import org.backstory.shared.BackstoryProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sitemap: the front page, every published article, and the tag, author and storyline pages that
 * published articles link to. Addresses and dates only, never text.
 */
@Controller
class SitemapController {

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final ArticleCatalog catalog;

	private final BackstoryProperties properties;

	SitemapController(ArticleCatalog catalog, BackstoryProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() {
		List<ArticleSummary> articles = catalog.allPublished();
		// Each listing page is as fresh as its newest article; articles come newest first, so the first wins.
		Map<String, LocalDate> pages = new LinkedHashMap<>();
		pages.put("/", articles.isEmpty() ? null : day(articles.get(0)));
		for (ArticleSummary article : articles) {
			pages.put("/p/" + article.slug(), day(article));
		}
		for (ArticleSummary article : articles) {
			for (TagRef tag : article.tags()) {
				pages.putIfAbsent("/tag/" + tag.slug(), day(article));
			}
			for (AuthorRef author : article.authors()) {
				pages.putIfAbsent("/author/" + author.slug(), day(article));
			}
			StorylineRef storyline = article.storyline();
			if (storyline != null) {
				pages.putIfAbsent("/story/" + storyline.slug(), day(article));
			}
		}
		XmlDocument xml = new XmlDocument().start("urlset", "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
		pages.forEach((path, lastModified) -> {
			xml.start("url").element("loc", properties.link(path));
			if (lastModified != null) {
				xml.element("lastmod", lastModified.toString());
			}
			xml.end();
		});
		return ResponseEntity.ok().contentType(XML).body(xml.end().finish());
	}

	private static LocalDate day(ArticleSummary article) {
		return (article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt() : article.publishedAt())
			.atOffset(ZoneOffset.UTC)
			.toLocalDate();
	}

}
