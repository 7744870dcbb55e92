package org.backstory.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.backstory.access.ArticleGate;
import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.TagRef;
import org.backstory.shared.BackstoryProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The RSS 2.0 feed of the latest articles. Every item's content comes from the access module's anonymous
 * view: public articles in full, every other article as its preview and a "Continue reading" link.
 */
@Controller
class FeedController {

	static final int ITEMS = 30;

	static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	private final ArticleCatalog catalog;

	private final ArticleGate gate;

	private final PublicationService publications;

	private final BackstoryProperties properties;

	FeedController(ArticleCatalog catalog, ArticleGate gate, PublicationService publications,
			BackstoryProperties properties) {
		this.catalog = catalog;
		this.gate = gate;
		this.publications = publications;
		this.properties = properties;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<String> feed() {
		Publication publication = publications.publication();
		List<Article> articles = catalog.latestInFull(ITEMS);
		XmlDocument xml = new XmlDocument().start("rss", "version", "2.0", "xmlns:atom", "http://www.w3.org/2005/Atom",
				"xmlns:dc", "http://purl.org/dc/elements/1.1/");
		xml.start("channel")
			.element("title", publication.name())
			.element("link", properties.link("/"))
			.element("description", publication.tagline())
			.element("language", "en")
			.empty("atom:link", "href", properties.link("/feed.xml"), "rel", "self", "type", "application/rss+xml");
		if (!articles.isEmpty()) {
			xml.element("lastBuildDate", rfc822(StructuredData.modified(articles.get(0))));
		}
		for (Article article : articles) {
			item(xml, gate.openAnonymously(article));
		}
		return ResponseEntity.ok().contentType(RSS).body(xml.end().end().finish());
	}

	private void item(XmlDocument xml, ReadableArticle readable) {
		Article article = readable.article();
		String link = properties.link("/p/" + article.slug());
		xml.start("item")
			.element("title", article.title())
			.element("link", link)
			.element("guid", link, "isPermaLink", "true")
			.element("pubDate", rfc822(article.publishedAt()));
		for (AuthorRef author : article.authors()) {
			xml.element("dc:creator", author.name());
		}
		for (TagRef tag : article.tags()) {
			xml.element("category", tag.name());
		}
		xml.element("description", description(readable, link)).end();
	}

	private static String description(ReadableArticle readable, String link) {
		String dek = readable.article().dek();
		String lead = dek.isEmpty() ? "" : "<p><em>" + HtmlUtils.htmlEscape(dek) + "</em></p>";
		String more = readable.complete() ? ""
				: "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">Continue reading</a></p>";
		return lead + readable.bodyHtml() + more;
	}

	private static String rfc822(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

}
