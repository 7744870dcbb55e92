package org.backstory.api.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.backstory.publishing.Author;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.Tag;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Backstory's articles, tags and authors under Ghost's field names, as Ghost's Content API v5 answers them: ids
 * as strings, dates as {@code 2019-11-26T02:43:13.000+00:00}, empty meta fields as {@code null}. An article is
 * given as one reader may receive it ({@link ReadableArticle}): for a key-only call, the preview of a gated
 * article, with {@code plaintext} and {@code excerpt} computed from that preview alone.
 */
final class GhostJson {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
		.withZone(ZoneOffset.UTC);

	private static final int EXCERPT_LENGTH = 500;

	private static final int WORDS_PER_MINUTE = 275;

	private final BackstoryProperties site;

	GhostJson(BackstoryProperties site) {
		this.site = site;
	}

	static @Nullable String date(@Nullable Instant instant) {
		return instant == null ? null : DATE.format(instant);
	}

	/** A stable UUID for something that has only a numeric id in Backstory. */
	static String uuid(String kind, long id) {
		return UUID.nameUUIDFromBytes(("backstory:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
	}

	Map<String, Object> post(ReadableArticle readable, BrowseParameters parameters, Map<String, PublishedCount<Tag>> tags,
			Map<String, PublishedCount<Author>> authors) {
		Article article = readable.article();
		String html = readable.bodyHtml();
		Document document = Jsoup.parseBodyFragment(html);
		String plaintext = document.text();
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("id", Long.toString(article.id()));
		post.put("uuid", uuid("article", article.id()));
		post.put("title", article.title());
		post.put("slug", article.slug());
		if (parameters.formats().contains("html")) {
			post.put("html", html);
		}
		if (parameters.formats().contains("plaintext")) {
			post.put("plaintext", plaintext);
		}
		post.put("comment_id", Long.toString(article.id()));
		post.put("feature_image", article.coverImageUrl());
		post.put("feature_image_alt", null);
		post.put("feature_image_caption", null);
		post.put("featured", false);
		post.put("visibility", article.visibility().level().name().toLowerCase());
		post.put("created_at", date(article.publishedAt()));
		post.put("updated_at", date(article.updatedAt()));
		post.put("published_at", date(article.publishedAt()));
		post.put("custom_excerpt", emptyToNull(article.dek()));
		post.put("codeinjection_head", null);
		post.put("codeinjection_foot", null);
		post.put("custom_template", null);
		post.put("canonical_url", null);
		post.put("url", site.link("/p/" + article.slug()));
		post.put("excerpt", article.dek().isEmpty() ? truncate(plaintext) : article.dek());
		post.put("reading_time", readingMinutes(plaintext, document.select("img").size()));
		post.put("access", readable.complete());
		post.put("comments", false);
		post.put("email_subject", null);
		post.put("frontmatter", null);
		post.put("meta_title", emptyToNull(article.seo().title()));
		post.put("meta_description", emptyToNull(article.seo().description()));
		post.put("og_image", article.seo().socialImageUrl());
		post.put("og_title", null);
		post.put("og_description", null);
		post.put("twitter_image", null);
		post.put("twitter_title", null);
		post.put("twitter_description", null);
		retainFields(post, parameters.fields());
		if (parameters.includes("tags")) {
			List<Map<String, Object>> postTags = article.tags().stream().filter(ref -> tags.containsKey(ref.slug()))
				.map(ref -> tag(tags.get(ref.slug()), false)).toList();
			post.put("tags", postTags);
			post.put("primary_tag", postTags.isEmpty() ? null : postTags.get(0));
		}
		if (parameters.includes("authors")) {
			List<Map<String, Object>> postAuthors = article.authors().stream()
				.filter(ref -> authors.containsKey(ref.slug())).map(ref -> author(authors.get(ref.slug()), false)).toList();
			post.put("authors", postAuthors);
			post.put("primary_author", postAuthors.isEmpty() ? null : postAuthors.get(0));
		}
		return post;
	}

	Map<String, Object> tag(PublishedCount<Tag> counted, boolean withCount) {
		Tag tag = counted.item();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(tag.id()));
		json.put("name", tag.name());
		json.put("slug", tag.slug());
		json.put("description", null);
		json.put("feature_image", null);
		json.put("visibility", "public");
		json.put("og_image", null);
		json.put("og_title", null);
		json.put("og_description", null);
		json.put("twitter_image", null);
		json.put("twitter_title", null);
		json.put("twitter_description", null);
		json.put("meta_title", null);
		json.put("meta_description", null);
		json.put("codeinjection_head", null);
		json.put("codeinjection_foot", null);
		json.put("canonical_url", null);
		json.put("accent_color", null);
		json.put("url", site.link("/tag/" + tag.slug()));
		if (withCount) {
			json.put("count", Map.of("posts", counted.articles()));
		}
		return json;
	}

	Map<String, Object> author(PublishedCount<Author> counted, boolean withCount) {
		Author author = counted.item();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(author.id()));
		json.put("name", author.name());
		json.put("slug", author.slug());
		json.put("profile_image", null);
		json.put("cover_image", null);
		json.put("bio", emptyToNull(author.bio()));
		json.put("website", null);
		json.put("location", null);
		json.put("facebook", null);
		json.put("twitter", null);
		json.put("meta_title", null);
		json.put("meta_description", null);
		json.put("url", site.link("/author/" + author.slug()));
		if (withCount) {
			json.put("count", Map.of("posts", counted.articles()));
		}
		return json;
	}

	static Map<String, Object> retainFields(Map<String, Object> item, Set<String> fields) {
		if (!fields.isEmpty()) {
			item.keySet().retainAll(fields);
		}
		return item;
	}

	/** Ghost's reading time: words at 275 a minute, 12 seconds for the first image and one less for each next (at least 3). */
	static int readingMinutes(String text, int images) {
		int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
		double seconds = words * 60.0 / WORDS_PER_MINUTE;
		for (int i = 0; i < images; i++) {
			seconds += Math.max(12 - i, 3);
		}
		return (int) Math.round(seconds / 60);
	}

	static String truncate(String text) {
		return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH);
	}

	static @Nullable String emptyToNull(@Nullable String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
