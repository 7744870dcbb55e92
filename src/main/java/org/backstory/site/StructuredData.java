package org.backstory.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.publishing.Article;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.Publication;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an article's schema.org {@code NewsArticle} JSON-LD. It carries metadata only,
 * never body text. A gated article is marked {@code isAccessibleForFree: false} with its
 * gated part named by CSS class (Google's paywalled-content convention) for every reader,
 * subscribers included, so crawlers and readers see the same markup. The class names one
 * element on every reader's page: for a reader who may read the article it wraps the
 * gated text ({@code ArticleGate}); for everyone else, Google's crawler included, it
 * wraps the paywall box that stands where the gated text would be ({@code article.jte}).
 */
@Component
class StructuredData {

	static final String GATED_PART_SELECTOR = ".paywalled-content";

	private final JsonMapper json;

	private final BackstoryProperties properties;

	StructuredData(JsonMapper json, BackstoryProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	/**
	 * The JSON-LD for this article, safe to put inside
	 * {@code <script type="application/ld+json">}.
	 */
	String newsArticle(Article article, Publication publication, String canonicalUrl) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		data.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonicalUrl));
		data.put("headline", article.title());
		if (!article.dek().isEmpty()) {
			data.put("description", article.dek());
		}
		if (article.coverImageUrl() != null) {
			data.put("image", List.of(article.coverImageUrl()));
		}
		data.put("datePublished", ReadingDate.of(article.publishedAt()).iso());
		data.put("dateModified", ReadingDate.of(modified(article)).iso());
		List<Map<String, Object>> authors = new ArrayList<>();
		for (AuthorRef author : article.authors()) {
			authors.add(Map.of("@type", "Person", "name", author.name(), "url",
					properties.link("/author/" + author.slug())));
		}
		data.put("author", authors);
		data.put("publisher", publisher(publication));
		data.put("isAccessibleForFree", !article.visibility().gated());
		if (article.visibility().gated()) {
			data.put("hasPart", Map.of("@type", "WebPageElement", "isAccessibleForFree", false, "cssSelector",
					GATED_PART_SELECTOR));
		}
		return escapeForScript(json.writeValueAsString(data));
	}

	private Map<String, Object> publisher(Publication publication) {
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("@type", "Organization");
		publisher.put("name", publication.name());
		publisher.put("url", properties.link("/"));
		String logo = publication.logoUrl();
		if (logo != null) {
			publisher.put("logo",
					Map.of("@type", "ImageObject", "url", logo.startsWith("/") ? properties.link(logo) : logo));
		}
		return publisher;
	}

	static Instant modified(Article article) {
		return article.updatedAt().isAfter(article.publishedAt()) ? article.updatedAt() : article.publishedAt();
	}

	/**
	 * Inside a script element only {@code </script} (or {@code <!--}) can end the JSON
	 * early; escaping every {@code <}, {@code >} and {@code &} as a JSON unicode escape
	 * rules that out without changing the data. U+2028 and U+2029 are escaped for old
	 * JavaScript parsers.
	 */
	static String escapeForScript(String json) {
		StringBuilder out = new StringBuilder(json.length() + 16);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			switch (c) {
				case '<' -> out.append("\\u003c");
				case '>' -> out.append("\\u003e");
				case '&' -> out.append("\\u0026");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
