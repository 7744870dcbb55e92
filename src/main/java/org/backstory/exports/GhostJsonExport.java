package org.backstory.exports;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backstory.access.ArticleGate;
import org.backstory.members.SignedInMember;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.ArticleArchive;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.Visibility;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.backstory.exports.JsonFields.date;
import static org.backstory.exports.JsonFields.dateOrNull;
import static org.backstory.exports.JsonFields.string;
import static org.backstory.exports.JsonFields.text;

/**
 * The articles as Ghost's JSON export ({@code {db:[{meta,data}]}} with Ghost's tables and
 * column names), so Ghost's own importer takes them: {@code html} is the whole article as
 * the site renders it (house sections included) with {@code <!--members-only-->} where
 * the preview ends, which Ghost turns into its paywall card. Articles are written as they
 * are read; only their few links (tags, authors, tiers, meta) are kept until the posts
 * are done. What Ghost has no column for goes under {@code db[0].backstory}
 * ({@link BackstorySection}).
 */
@Component
class GhostJsonExport {

	/**
	 * The Ghost version the file claims, so Ghost's importer treats it as a current
	 * export.
	 */
	static final String GHOST_VERSION = "5.0.0";

	static final String PAYWALL = "<!--members-only-->";

	private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private final ArticleArchive articles;

	private final ArticleGate gate;

	private final SiteRecords records;

	private final Clock clock;

	GhostJsonExport(ArticleArchive articles, ArticleGate gate, SiteRecords records, Clock clock) {
		this.articles = articles;
		this.gate = gate;
		this.records = records;
		this.clock = clock;
	}

	/**
	 * A post's links and meta, kept while the posts are written and written after them:
	 * no text.
	 */
	private record Links(long id, ArticleSeo seo, boolean emailOnly, List<Long> tagIds, List<Long> authorIds,
			List<String> tiers) {

		static Links of(ArchivedArticle article) {
			return new Links(article.id(), article.seo(), !article.onSite() && article.publishedAt() != null,
					article.tagIds(), article.authorIds(), sortedTiers(article.visibility()));
		}

	}

	void write(SignedInMember owner, OutputStream out) {
		Instant now = clock.instant();
		SiteRecords.Site site = records.read();
		try (JsonGenerator json = JSON.writerWithDefaultPrettyPrinter().createGenerator(out)) {
			json.writeStartObject();
			json.writeArrayPropertyStart("db");
			json.writeStartObject();
			json.writeObjectPropertyStart("meta");
			json.writeNumberProperty("exported_on", now.toEpochMilli());
			json.writeStringProperty("version", GHOST_VERSION);
			json.writeEndObject();
			json.writeObjectPropertyStart("data");
			List<Links> links = new ArrayList<>();
			json.writeArrayPropertyStart("posts");
			articles.forEachArticle(article -> {
				post(json, article, gate.gatedHtmlForExport(article, owner), status(article, now));
				links.add(Links.of(article));
			});
			json.writeEndArray();
			postsMeta(json, links);
			relations(json, links);
			GhostTables.settings(json, site.publication());
			GhostTables.tags(json, site.tags());
			GhostTables.users(json, site.authors(), site.staff());
			GhostTables.newsletters(json, site.newsletters());
			GhostTables.products(json,
					GhostTables.tiers(site.plans(), links.stream().flatMap(link -> link.tiers().stream()).toList()));
			json.writeEndObject();
			new BackstorySection(articles, json).write(site);
			json.writeEndObject();
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/**
	 * Ghost's status: {@code sent} is Ghost's word for a post that went out by email
	 * only; a scheduled article whose time has come is published, as readers see it.
	 */
	static String status(ArchivedArticle article, Instant now) {
		Instant at = article.publishedAt();
		if (at == null) {
			return "draft";
		}
		if (at.isAfter(now)) {
			return "scheduled";
		}
		return article.onSite() ? "published" : "sent";
	}

	/**
	 * The whole article as one HTML string, with Ghost's paywall marker between preview
	 * and the rest.
	 */
	static String html(ArchivedArticle article, String gatedHtml) {
		if (gatedHtml.isEmpty()) {
			return article.previewHtml();
		}
		return article.visibility().gated() ? article.previewHtml() + PAYWALL + gatedHtml
				: article.previewHtml() + gatedHtml;
	}

	private static void post(JsonGenerator json, ArchivedArticle article, String gatedHtml, String status) {
		String html = html(article, gatedHtml);
		json.writeStartObject();
		string(json, "id", GhostIds.id("post", article.id()));
		string(json, "uuid", GhostIds.uuid("post", article.id()));
		string(json, "title", article.title());
		string(json, "slug", article.slug());
		json.writeNullProperty("mobiledoc");
		json.writeNullProperty("lexical");
		text(json, "html", html);
		string(json, "comment_id", Long.toString(article.id()));
		text(json, "plaintext", Jsoup.parse(html).text());
		text(json, "feature_image", article.coverImageUrl());
		json.writeBooleanProperty("featured", false);
		string(json, "type", "post");
		string(json, "status", status);
		json.writeNullProperty("locale");
		string(json, "visibility", article.visibility().level().name().toLowerCase(Locale.ROOT));
		string(json, "email_recipient_filter", "all");
		string(json, "created_at", date(article.createdAt()));
		string(json, "updated_at", date(article.updatedAt()));
		text(json, "published_at", dateOrNull(article.publishedAt()));
		text(json, "custom_excerpt", article.dek());
		json.writeNullProperty("codeinjection_head");
		json.writeNullProperty("codeinjection_foot");
		json.writeNullProperty("custom_template");
		json.writeNullProperty("canonical_url");
		json.writeNullProperty("newsletter_id");
		json.writeBooleanProperty("show_title_and_feature_image", true);
		json.writeEndObject();
	}

	private static void postsMeta(JsonGenerator json, List<Links> links) {
		json.writeArrayPropertyStart("posts_meta");
		for (Links link : links) {
			ArticleSeo seo = link.seo();
			String social = seo.socialImageUrl();
			json.writeStartObject();
			string(json, "id", GhostIds.id("posts_meta", link.id()));
			string(json, "post_id", GhostIds.id("post", link.id()));
			text(json, "og_image", social);
			json.writeNullProperty("og_title");
			json.writeNullProperty("og_description");
			text(json, "twitter_image", social);
			json.writeNullProperty("twitter_title");
			json.writeNullProperty("twitter_description");
			text(json, "meta_title", seo.title());
			text(json, "meta_description", seo.description());
			json.writeNullProperty("email_subject");
			json.writeNullProperty("frontmatter");
			json.writeNullProperty("feature_image_alt");
			json.writeNullProperty("feature_image_caption");
			json.writeBooleanProperty("email_only", link.emailOnly());
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	/**
	 * posts_tags, posts_authors and posts_products, each with sort_order from 0 (the
	 * primary one).
	 */
	private static void relations(JsonGenerator json, List<Links> links) {
		json.writeArrayPropertyStart("posts_tags");
		links.forEach(link -> relation(json, link.id(), "tag", link.tagIds()));
		json.writeEndArray();
		json.writeArrayPropertyStart("posts_authors");
		links.forEach(link -> relation(json, link.id(), "author", link.authorIds()));
		json.writeEndArray();
		json.writeArrayPropertyStart("posts_products");
		links.forEach(link -> relation(json, link.id(), "product", link.tiers()));
		json.writeEndArray();
	}

	private static void relation(JsonGenerator json, long articleId, String kind, List<?> keys) {
		String table = kind.equals("author") ? "user" : kind;
		for (int i = 0; i < keys.size(); i++) {
			json.writeStartObject();
			string(json, "id", GhostIds.id("posts_" + kind + "s", articleId + ":" + keys.get(i)));
			string(json, "post_id", GhostIds.id("post", articleId));
			string(json, kind + "_id", GhostIds.id(table, keys.get(i)));
			json.writeNumberProperty("sort_order", i);
			json.writeEndObject();
		}
	}

	private static List<String> sortedTiers(Visibility visibility) {
		return visibility.level() == Visibility.Level.TIERS ? visibility.tiers().stream().sorted().toList() : List.of();
	}

}
