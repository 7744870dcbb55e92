package org.backstory.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.ArticleSummary;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.Entities;
import org.backstory.publishing.StorylineRef;
import org.backstory.publishing.TagRef;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sitemap: the front page, every published article, and the tag, author and storyline
 * pages that published articles link to, and the pages of entities a published article's
 * free part mentions. Addresses and dates only, never text. Past 50,000 addresses it
 * becomes an index of numbered files ({@link SitemapPages}).
 */
@Controller
class SitemapController {

	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	/** The sitemap protocol's limit of addresses per file. */
	static final int URLS_PER_FILE = 50_000;

	private final ArticleCatalog catalog;

	private final Entities entities;

	private final BackstoryProperties properties;

	private final int urlsPerFile;

	@Autowired
	SitemapController(ArticleCatalog catalog, Entities entities, BackstoryProperties properties) {
		this(catalog, entities, properties, URLS_PER_FILE);
	}

	SitemapController(ArticleCatalog catalog, Entities entities, BackstoryProperties properties, int urlsPerFile) {
		this.catalog = catalog;
		this.entities = entities;
		this.properties = properties;
		this.urlsPerFile = urlsPerFile;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() {
		SitemapPages sitemap = pages();
		if (sitemap.fitsInOne()) {
			return xml(urlset(sitemap, 1));
		}
		XmlDocument xml = new XmlDocument().start("sitemapindex", "xmlns", NAMESPACE);
		for (int number = 1; number <= sitemap.files(); number++) {
			xml.start("sitemap").element("loc", properties.link("/sitemap-" + number + ".xml"));
			LocalDate lastModified = sitemap.lastModified(number);
			if (lastModified != null) {
				xml.element("lastmod", lastModified.toString());
			}
			xml.end();
		}
		return xml(xml.end().finish());
	}

	@GetMapping("/sitemap-{number:[0-9]{1,6}}.xml")
	ResponseEntity<String> sitemapFile(@PathVariable int number) {
		SitemapPages sitemap = pages();
		if (sitemap.fitsInOne() || sitemap.file(number).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return xml(urlset(sitemap, number));
	}

	private SitemapPages pages() {
		List<ArticleSummary> articles = catalog.allPublished();
		// Each listing page is as fresh as its newest article; articles come newest
		// first, so the first wins.
		Map<String, @Nullable LocalDate> pages = new LinkedHashMap<>();
		pages.put("/", articles.isEmpty() ? null : day(articles.get(0)));
		for (ArticleSummary article : articles) {
			pages.put(ArticleLinks.page(article.slug()), day(article));
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
		entities.mentionedEntities()
			.forEach(
					(slug, latest) -> pages.putIfAbsent("/who/" + slug, latest.atOffset(ZoneOffset.UTC).toLocalDate()));
		return new SitemapPages(pages, urlsPerFile);
	}

	private String urlset(SitemapPages sitemap, int number) {
		XmlDocument xml = new XmlDocument().start("urlset", "xmlns", NAMESPACE);
		sitemap.file(number).orElseThrow().forEach(page -> {
			xml.start("url").element("loc", properties.link(page.getKey()));
			if (page.getValue() != null) {
				xml.element("lastmod", page.getValue().toString());
			}
			xml.end();
		});
		return xml.end().finish();
	}

	private static ResponseEntity<String> xml(String body) {
		return ResponseEntity.ok().contentType(XML).body(body);
	}

	private static LocalDate day(ArticleSummary article) {
		return (article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt() : article.publishedAt())
			.atOffset(ZoneOffset.UTC)
			.toLocalDate();
	}

}
