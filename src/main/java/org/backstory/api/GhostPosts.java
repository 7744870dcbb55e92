package org.backstory.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleLinks;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.Dates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * An article as Ghost's post object, in the two shapes Ghost answers it: the Content
 * API's (which webhook bodies carry too) and the Admin API's. Both have Ghost's field
 * names, ids as strings and empty meta fields as {@code null}, and differ in their
 * fields, their order and their dates ({@code 2019-11-26T02:43:13.000+00:00} for the
 * Content API, {@code 2019-11-26T02:43:13.000Z} for the Admin API). Every value is worked
 * out here once, from the html given: for the Content API that is what one reader may
 * receive ({@link ReadableArticle}), so for an anonymous reader of a gated article
 * {@code plaintext}, {@code excerpt} and {@code reading_time} come from the preview
 * alone; for the Admin API it is the whole body.
 */
public final class GhostPosts {

	private static final Shape CONTENT = new Shape(Dates::isoWithOffset,
			List.of("id", "uuid", "title", "slug", "html", "plaintext", "comment_id", "feature_image",
					"feature_image_alt", "feature_image_caption", "featured", "visibility", "created_at", "updated_at",
					"published_at", "custom_excerpt", "codeinjection_head", "codeinjection_foot", "custom_template",
					"canonical_url", "url", "excerpt", "reading_time", "access", "comments", "email_subject",
					"frontmatter", "meta_title", "meta_description", "og_image", "og_title", "og_description",
					"twitter_image", "twitter_title", "twitter_description"));

	private static final Shape ADMIN = new Shape(Dates::iso,
			List.of("id", "uuid", "title", "slug", "html", "comment_id", "feature_image", "feature_image_alt",
					"feature_image_caption", "featured", "status", "visibility", "created_at", "updated_at",
					"published_at", "custom_excerpt", "codeinjection_head", "codeinjection_foot", "custom_template",
					"canonical_url", "tags", "tiers", "authors", "primary_author", "primary_tag", "url", "excerpt",
					"reading_time", "og_image", "og_title", "og_description", "twitter_image", "twitter_title",
					"twitter_description", "meta_title", "meta_description", "email_subject", "frontmatter",
					"email_only", "newsletter", "email"));

	private static final int EXCERPT_LENGTH = 500;

	private static final int WORDS_PER_MINUTE = 275;

	private final BackstoryProperties site;

	/** Links are made absolute on this site. */
	public GhostPosts(BackstoryProperties site) {
		this.site = site;
	}

	/** A date as Ghost's Content API and webhooks write it, or null. */
	public static @Nullable String date(@Nullable Instant instant) {
		return CONTENT.date(instant);
	}

	/** A date as Ghost's Admin API writes it, or null. */
	public static @Nullable String adminDate(@Nullable Instant instant) {
		return ADMIN.date(instant);
	}

	/**
	 * A stable UUID for something that has only a numeric id in Backstory (Ghost gives
	 * every object one).
	 */
	public static String uuid(String kind, long id) {
		return UUID.nameUUIDFromBytes(("backstory:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * The Content API's post object without tags and authors, with both formats
	 * ({@code html}, {@code plaintext}); the Content API leaves out those a call did not
	 * ask for.
	 */
	public Map<String, Object> post(ReadableArticle readable) {
		return CONTENT.post(values(readable.article(), readable.bodyHtml(), "published", readable.complete()));
	}

	/**
	 * The Admin API's post object for staff.
	 * @param html the whole body as Ghost stores it: the preview, and after Ghost's
	 * {@code <!--members-only-->} the gated part
	 * @param status {@code draft}, {@code scheduled} or {@code published}; a draft has no
	 * {@code published_at} and was created when it was last saved
	 * @param tags the post's tags in the Admin API's shape, primary first
	 * @param authors the post's authors in the Admin API's shape, primary first
	 */
	public Map<String, Object> adminPost(Article article, String html, String status, List<Map<String, Object>> tags,
			List<Map<String, Object>> authors) {
		Map<String, @Nullable Object> values = values(article, html, status, true);
		values.put("tags", tags);
		values.put("authors", authors);
		values.put("primary_tag", tags.isEmpty() ? null : tags.get(0));
		values.put("primary_author", authors.isEmpty() ? null : authors.get(0));
		return ADMIN.post(values);
	}

	/**
	 * Every field either shape fills; the dates are instants until the shape writes them.
	 */
	private Map<String, @Nullable Object> values(Article article, String html, String status, boolean access) {
		Document document = Jsoup.parseBodyFragment(html);
		String plaintext = document.text();
		Instant publishedAt = "draft".equals(status) ? null : article.publishedAt();
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("id", Long.toString(article.id()));
		values.put("uuid", uuid("article", article.id()));
		values.put("title", article.title());
		values.put("slug", article.slug());
		values.put("html", html);
		values.put("plaintext", plaintext);
		values.put("comment_id", Long.toString(article.id()));
		values.put("feature_image", article.coverImageUrl());
		values.put("featured", false);
		values.put("status", status);
		values.put("visibility", article.visibility().level().name().toLowerCase());
		values.put("created_at", Objects.requireNonNullElse(publishedAt, article.updatedAt()));
		values.put("updated_at", article.updatedAt());
		values.put("published_at", publishedAt);
		values.put("custom_excerpt", emptyToNull(article.dek()));
		values.put("tiers",
				article.visibility().tiers().stream().sorted().map(code -> Map.of("id", code, "slug", code)).toList());
		values.put("url", site.link(ArticleLinks.page(article.slug())));
		values.put("excerpt", article.dek().isEmpty() ? truncate(plaintext) : article.dek());
		values.put("reading_time", readingMinutes(plaintext, document.select("img").size()));
		values.put("access", access);
		values.put("comments", false);
		values.put("email_only", false);
		values.put("meta_title", emptyToNull(article.seo().title()));
		values.put("meta_description", emptyToNull(article.seo().description()));
		values.put("og_image", article.seo().socialImageUrl());
		return values;
	}

	/**
	 * Ghost's reading time: words at 275 a minute, 12 seconds for the first image and one
	 * less for each next (at least 3).
	 */
	static int readingMinutes(String text, int images) {
		int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
		double seconds = words * 60.0 / WORDS_PER_MINUTE;
		for (int i = 0; i < images; i++) {
			seconds += Math.max(12 - i, 3);
		}
		return (int) Math.round(seconds / 60);
	}

	/** Ghost's excerpt: the first 500 characters of the plain text. */
	static String truncate(String text) {
		return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH);
	}

	/** Ghost writes an empty optional field as null. */
	public static @Nullable String emptyToNull(@Nullable String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	/**
	 * One API's post object: its fields in its order, a field no value fills (Ghost's
	 * code injection, its email and social fields Backstory has no counterpart for) as
	 * null, and its form of dates.
	 */
	private record Shape(Function<Instant, String> dates, List<String> fields) {

		@Nullable String date(@Nullable Instant instant) {
			return instant == null ? null : dates.apply(instant);
		}

		Map<String, Object> post(Map<String, @Nullable Object> values) {
			Map<String, Object> post = new LinkedHashMap<>();
			for (String field : fields) {
				Object value = values.get(field);
				post.put(field, value instanceof Instant instant ? date(instant) : value);
			}
			return post;
		}

	}

}
