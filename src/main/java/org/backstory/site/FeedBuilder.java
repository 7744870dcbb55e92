package org.backstory.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.backstory.access.ArticleGate;
import org.backstory.access.ReadableArticle;
import org.backstory.access.Reader;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.publishing.ArticleLinks;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.publishing.TagRef;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds every RSS 2.0 feed: the site's, each tag's, author's and storyline's, and
 * members' private feeds. Each item's content comes from the access module for the feed's
 * reader: public feeds are read as an anonymous reader (public articles whole, every
 * other one as its preview and a "Continue reading" link), a private feed as its member
 * is now. Never meters.
 * <p>
 * A document is kept with the catalog's answers ({@link ArticleCatalog#derived}), so
 * publishing, editing or unpublishing an article drops it; its key is the channel and the
 * {@link Reader} (state and tier), everything the access policy decides from, so members
 * who may read the same share one document and a member whose access changed gets another
 * at once.
 */
@Component
class FeedBuilder {

	static final int ITEMS = 30;

	private final ArticleCatalog catalog;

	private final ArticleGate gate;

	private final PublicationService publications;

	private final BackstoryProperties properties;

	FeedBuilder(ArticleCatalog catalog, ArticleGate gate, PublicationService publications,
			BackstoryProperties properties) {
		this.catalog = catalog;
		this.gate = gate;
		this.publications = publications;
		this.properties = properties;
	}

	/**
	 * The site's feed of its latest articles for {@code reader}; {@code selfPath} is its
	 * public address, or null for a member's private feed.
	 */
	RenderedFeed site(Reader reader, @Nullable String selfPath) {
		Publication publication = publications.publication();
		FeedChannel channel = new FeedChannel(publication.name(), publication.tagline(), "/", selfPath);
		return feed(channel, reader, () -> catalog.latestInFull(ITEMS));
	}

	/**
	 * The feed of {@code channel} for {@code reader}; {@code articles} gives its latest
	 * articles, newest first.
	 */
	RenderedFeed feed(FeedChannel channel, Reader reader, Supplier<List<Article>> articles) {
		return catalog.derived(List.of("feed", channel, reader), () -> render(channel, reader, articles.get()));
	}

	private RenderedFeed render(FeedChannel channel, Reader reader, List<Article> articles) {
		XmlDocument xml = new XmlDocument().start("rss", "version", "2.0", "xmlns:atom", "http://www.w3.org/2005/Atom",
				"xmlns:dc", "http://purl.org/dc/elements/1.1/");
		xml.start("channel")
			.element("title", channel.title())
			.element("link", properties.link(channel.pagePath()))
			.element("description", channel.description())
			.element("language", "en");
		if (channel.selfPath() != null) {
			xml.empty("atom:link", "href", properties.link(channel.selfPath()), "rel", "self", "type",
					"application/rss+xml");
		}
		articles.stream()
			.map(StructuredData::modified)
			.max(Instant::compareTo)
			.ifPresent(newest -> xml.element("lastBuildDate", rfc822(newest)));
		for (Article article : articles) {
			item(xml, gate.openForFeed(article, reader));
		}
		String body = xml.end().end().finish();
		return new RenderedFeed(body, etagOf(body));
	}

	private void item(XmlDocument xml, ReadableArticle readable) {
		Article article = readable.article();
		String link = properties.link(ArticleLinks.page(article.slug()));
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

	static String rfc822(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	private static String etagOf(String body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
