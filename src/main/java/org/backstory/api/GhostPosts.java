package org.backstory.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * An article as Ghost's post object, the one shape the Content API answers and webhook bodies carry: Ghost's field
 * names, ids as strings, dates as {@code 2019-11-26T02:43:13.000+00:00}, empty meta fields as {@code null}. The
 * article is given as one reader may receive it ({@link ReadableArticle}): for an anonymous reader, the preview of
 * a gated article, with {@code plaintext}, {@code excerpt} and {@code reading_time} computed from that preview
 * alone. Tags and authors are the caller's to add, as each has its own shape for them.
 */
public final class GhostPosts {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
		.withZone(ZoneOffset.UTC);

	private static final int EXCERPT_LENGTH = 500;

	private static final int WORDS_PER_MINUTE = 275;

	private final BackstoryProperties site;

	/** Links are made absolute on this site. */
	public GhostPosts(BackstoryProperties site) {
		this.site = site;
	}

	/** A date as Ghost writes it, or null. */
	public static @Nullable String date(@Nullable Instant instant) {
		return instant == null ? null : DATE.format(instant);
	}

	/** A stable UUID for something that has only a numeric id in Backstory (Ghost gives every object one). */
	public static String uuid(String kind, long id) {
		return UUID.nameUUIDFromBytes(("backstory:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * The post object without tags and authors, in Ghost's field order, with both formats ({@code html},
	 * {@code plaintext}); the Content API leaves out those a call did not ask for.
	 */
	public Map<String, Object> post(ReadableArticle readable) {
		Article article = readable.article();
		String html = readable.bodyHtml();
		Document document = Jsoup.parseBodyFragment(html);
		String plaintext = document.text();
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("id", Long.toString(article.id()));
		post.put("uuid", uuid("article", article.id()));
		post.put("title", article.title());
		post.put("slug", article.slug());
		post.put("html", html);
		post.put("plaintext", plaintext);
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
		return post;
	}

	/** Ghost's reading time: words at 275 a minute, 12 seconds for the first image and one less for each next (at least 3). */
	public static int readingMinutes(String text, int images) {
		int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
		double seconds = words * 60.0 / WORDS_PER_MINUTE;
		for (int i = 0; i < images; i++) {
			seconds += Math.max(12 - i, 3);
		}
		return (int) Math.round(seconds / 60);
	}

	/** Ghost's excerpt: the first 500 characters of the plain text. */
	public static String truncate(String text) {
		return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH);
	}

	/** Ghost writes an empty optional field as null. */
	public static @Nullable String emptyToNull(@Nullable String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
