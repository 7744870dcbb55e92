package org.backstory.api.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.backstory.api.GhostPosts;
import org.backstory.publishing.Article;
import org.backstory.publishing.ArticleDesk;
import org.backstory.publishing.Author;
import org.backstory.publishing.PublishedCount;
import org.backstory.publishing.Tag;
import org.backstory.shared.BackstoryProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * An article as Ghost's Admin API gives a post to staff: everything, the gated part of the html included (after
 * Ghost's {@code <!--members-only-->}), with its status, and dates as {@code 2019-11-26T02:43:13.000Z}. Tags and
 * authors in the Content API's shapes ({@link GhostJson}).
 */
final class AdminPostJson {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final GhostJson ghost;

	private final BackstoryProperties site;

	AdminPostJson(BackstoryProperties site) {
		this.ghost = new GhostJson(site);
		this.site = site;
	}

	static @Nullable String date(@Nullable Instant instant) {
		return instant == null ? null : DATE.format(instant);
	}

	/**
	 * The post for a caller the newsroom lets see this article.
	 * @param html the whole body as Ghost stores it: the preview, and after Ghost's {@code <!--members-only-->} the
	 * gated part ({@code ArticleGate#wholeForStaff})
	 */
	Map<String, Object> post(Article article, String html, String status, ArticleDesk.Vocabulary vocabulary) {
		Document document = Jsoup.parseBodyFragment(html);
		String plaintext = document.text();
		Instant publishedAt = "draft".equals(status) ? null : article.publishedAt();
		Map<String, Object> post = new LinkedHashMap<>();
		post.put("id", Long.toString(article.id()));
		post.put("uuid", GhostPosts.uuid("article", article.id()));
		post.put("title", article.title());
		post.put("slug", article.slug());
		post.put("html", html);
		post.put("comment_id", Long.toString(article.id()));
		post.put("feature_image", article.coverImageUrl());
		post.put("feature_image_alt", null);
		post.put("feature_image_caption", null);
		post.put("featured", false);
		post.put("status", status);
		post.put("visibility", article.visibility().level().name().toLowerCase());
		post.put("created_at", date(Objects.requireNonNullElse(publishedAt, article.updatedAt())));
		post.put("updated_at", date(article.updatedAt()));
		post.put("published_at", date(publishedAt));
		post.put("custom_excerpt", GhostPosts.emptyToNull(article.dek()));
		post.put("codeinjection_head", null);
		post.put("codeinjection_foot", null);
		post.put("custom_template", null);
		post.put("canonical_url", null);
		List<Map<String, Object>> tags = article.tags().stream()
			.flatMap(ref -> vocabulary.tags().stream().filter(tag -> tag.slug().equals(ref.slug())).findFirst().stream())
			.map(tag -> ghost.tag(new PublishedCount<Tag>(tag, 0), false))
			.toList();
		List<Map<String, Object>> authors = article.authors().stream()
			.flatMap(ref -> vocabulary.authors().stream().filter(author -> author.slug().equals(ref.slug())).findFirst()
				.stream())
			.map(author -> ghost.author(new PublishedCount<Author>(author, 0), false))
			.toList();
		post.put("tags", tags);
		post.put("tiers", article.visibility().tiers().stream().sorted().map(code -> Map.of("id", code, "slug", code)).toList());
		post.put("authors", authors);
		post.put("primary_author", authors.isEmpty() ? null : authors.get(0));
		post.put("primary_tag", tags.isEmpty() ? null : tags.get(0));
		post.put("url", site.link("/p/" + article.slug()));
		post.put("excerpt", article.dek().isEmpty() ? GhostPosts.truncate(plaintext) : article.dek());
		post.put("reading_time", GhostPosts.readingMinutes(plaintext, document.select("img").size()));
		post.put("og_image", article.seo().socialImageUrl());
		post.put("og_title", null);
		post.put("og_description", null);
		post.put("twitter_image", null);
		post.put("twitter_title", null);
		post.put("twitter_description", null);
		post.put("meta_title", GhostPosts.emptyToNull(article.seo().title()));
		post.put("meta_description", GhostPosts.emptyToNull(article.seo().description()));
		post.put("email_subject", null);
		post.put("frontmatter", null);
		post.put("email_only", false);
		post.put("newsletter", null);
		post.put("email", null);
		return post;
	}

}
