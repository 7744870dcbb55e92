package org.backstory.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.backstory.access.ArticleGate;
import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.TagRef;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An article as a webhook body's {@code post} object, with the field names of Ghost's Content API ({@code id,
 * uuid, title, slug, html, plaintext, excerpt, custom_excerpt, feature_image, featured, visibility, access,
 * published_at, updated_at, url, tags, primary_tag, authors, primary_author, meta_title, meta_description,
 * og_image}) plus {@code status}, which Ghost's webhook bodies carry from its Admin API. The text is what an
 * anonymous reader receives through {@link ArticleGate#openAnonymously}: a gated article's preview only,
 * {@code access:false}, and {@code plaintext}/{@code excerpt} computed from that preview, never from the gated
 * part. The one place the shape is decided, so it can follow the Content API serializer.
 */
@Component
class PostObject {

	private final ArticleGate gate;

	private final BackstoryProperties site;

	PostObject(ArticleGate gate, BackstoryProperties site) {
		this.gate = gate;
		this.site = site;
	}

	/** The post object; {@code status} is {@code published}, {@code scheduled}, {@code draft} or {@code sent}. */
	Map<String, Object> of(Article article, String status) {
		ReadableArticle readable = gate.openAnonymously(article);
		String plaintext = Jsoup.parse(readable.bodyHtml()).text();
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("id", String.valueOf(article.id()));
		post.put("uuid", uuid("article", article.id()));
		post.put("title", article.title());
		post.put("slug", article.slug());
		post.put("html", readable.bodyHtml());
		post.put("plaintext", plaintext);
		post.put("feature_image", absolute(article.coverImageUrl()));
		post.put("featured", false);
		post.put("status", status);
		post.put("visibility", article.visibility().level().name().toLowerCase(Locale.ROOT));
		post.put("access", readable.complete());
		post.put("published_at", "draft".equals(status) ? null : GhostDates.format(article.publishedAt()));
		post.put("updated_at", GhostDates.format(article.updatedAt()));
		post.put("custom_excerpt", emptyAsNull(article.dek()));
		post.put("excerpt", article.dek().isEmpty() ? first(plaintext, 500) : article.dek());
		post.put("url", site.link("/p/" + article.slug()));
		post.put("meta_title", emptyAsNull(article.seo().title()));
		post.put("meta_description", emptyAsNull(article.seo().description()));
		post.put("og_image", absolute(article.seo().socialImageUrl()));
		List<Map<String, Object>> tags = article.tags().stream().map(this::tag).toList();
		List<Map<String, Object>> authors = article.authors().stream().map(this::author).toList();
		post.put("tags", tags);
		post.put("primary_tag", tags.isEmpty() ? null : tags.get(0));
		post.put("authors", authors);
		post.put("primary_author", authors.isEmpty() ? null : authors.get(0));
		return post;
	}

	/** A stable UUID for an object that has only a numeric id (Ghost gives every post and member one). */
	static String uuid(String kind, long id) {
		return UUID.nameUUIDFromBytes(("backstory:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private Map<String, Object> tag(TagRef tag) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("name", tag.name());
		object.put("slug", tag.slug());
		object.put("url", site.link("/tag/" + tag.slug()));
		return object;
	}

	private Map<String, Object> author(AuthorRef author) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("name", author.name());
		object.put("slug", author.slug());
		object.put("url", site.link("/author/" + author.slug()));
		return object;
	}

	private @Nullable String absolute(@Nullable String url) {
		return url != null && url.startsWith("/") ? site.link(url) : url;
	}

	private static @Nullable String emptyAsNull(String text) {
		return text.isEmpty() ? null : text;
	}

	private static String first(String text, int characters) {
		return text.length() <= characters ? text : text.substring(0, characters);
	}

}
