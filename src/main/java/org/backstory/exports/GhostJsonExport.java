package org.backstory.exports;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.backstory.access.ArticleGate;
import org.backstory.billing.BillingArchive;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.ArticleSeo;
import org.backstory.publishing.ArticleArchive;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.backstory.exports.JsonFields.date;
import static org.backstory.exports.JsonFields.dateOrNull;
import static org.backstory.exports.JsonFields.number;
import static org.backstory.exports.JsonFields.string;
import static org.backstory.exports.JsonFields.text;

/**
 * The articles as Ghost's JSON export ({@code {db:[{meta,data}]}} with Ghost's tables and column names), so
 * Ghost's own importer takes them: {@code html} is the whole article as the site renders it (house sections
 * included) with {@code <!--members-only-->} where the preview ends, which Ghost turns into its paywall
 * card. Articles are written as they are read; only their few links (tags, authors, tiers, meta) are kept
 * until the posts are done. What Ghost has no column for goes under {@code db[0].backstory}
 * ({@link BackstorySection}).
 */
@Component
class GhostJsonExport {

	/** The Ghost version the file claims, so Ghost's importer treats it as a current export. */
	static final String GHOST_VERSION = "5.0.0";

	static final String PAYWALL = "<!--members-only-->";

	private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private final ArticleArchive articles;

	private final ArticleGate gate;

	private final MemberDirectory members;

	private final Newsletters newsletters;

	private final BillingArchive billing;

	private final Clock clock;

	GhostJsonExport(ArticleArchive articles, ArticleGate gate, MemberDirectory members, Newsletters newsletters,
			BillingArchive billing, Clock clock) {
		this.articles = articles;
		this.gate = gate;
		this.members = members;
		this.newsletters = newsletters;
		this.billing = billing;
		this.clock = clock;
	}

	/** A post's links and meta, kept while the posts are written and written after them: no text. */
	private record Links(long id, ArticleSeo seo, boolean emailOnly, List<Long> tagIds, List<Long> authorIds,
			List<String> tiers) {

		static Links of(ArchivedArticle article) {
			return new Links(article.id(), article.seo(), !article.onSite() && article.publishedAt() != null,
					article.tagIds(), article.authorIds(), sortedTiers(article.visibility()));
		}

	}

	void write(SignedInMember owner, OutputStream out) {
		Instant now = clock.instant();
		List<ArchivedArticle.Author> authors = articles.authors();
		List<ArchivedArticle.Tag> tags = articles.tags();
		List<BillingArchive.ArchivedPlan> plans = billing.plans();
		List<Newsletter> letters = newsletters.all();
		Map<Long, MemberProfile> staff = members
			.profiles(authors.stream().map(ArchivedArticle.Author::memberId).filter(Objects::nonNull).toList());
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
			tags(json, tags);
			users(json, authors, staff);
			newsletters(json, letters);
			products(json, tiers(plans, links));
			json.writeEndObject();
			new BackstorySection(articles, json).write(tags, authors, staff, plans, letters);
			json.writeEndObject();
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	/**
	 * Ghost's status: {@code sent} is Ghost's word for a post that went out by email only; a scheduled
	 * article whose time has come is published, as readers see it.
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

	/** The whole article as one HTML string, with Ghost's paywall marker between preview and the rest. */
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

	/** posts_tags, posts_authors and posts_products, each with sort_order from 0 (the primary one). */
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
		return visibility.level() == Visibility.Level.TIERS ? visibility.tiers().stream().sorted().toList()
				: List.of();
	}

	private static void tags(JsonGenerator json, List<ArchivedArticle.Tag> tags) {
		json.writeArrayPropertyStart("tags");
		for (ArchivedArticle.Tag tag : tags) {
			json.writeStartObject();
			string(json, "id", GhostIds.id("tag", tag.id()));
			string(json, "name", tag.name());
			string(json, "slug", tag.slug());
			json.writeNullProperty("description");
			json.writeNullProperty("feature_image");
			json.writeNullProperty("parent_id");
			string(json, "visibility", tag.name().startsWith("#") ? "internal" : "public");
			string(json, "created_at", date(tag.createdAt()));
			string(json, "updated_at", date(tag.createdAt()));
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	/**
	 * The authors as Ghost users, without passwords. Ghost needs an address for every user: an author who is
	 * not a staff member (one written for, or imported) gets {@code <slug>@authors.invalid}, a reserved domain
	 * that never receives mail.
	 */
	private static void users(JsonGenerator json, List<ArchivedArticle.Author> authors, Map<Long, MemberProfile> staff) {
		json.writeArrayPropertyStart("users");
		for (ArchivedArticle.Author author : authors) {
			MemberProfile profile = author.memberId() == null ? null : staff.get(author.memberId());
			json.writeStartObject();
			string(json, "id", GhostIds.id("user", author.id()));
			string(json, "name", author.name());
			string(json, "slug", author.slug());
			string(json, "email", profile == null ? author.slug() + "@authors.invalid" : profile.email());
			json.writeNullProperty("profile_image");
			json.writeNullProperty("cover_image");
			text(json, "bio", author.bio());
			json.writeNullProperty("website");
			json.writeNullProperty("location");
			string(json, "status", "active");
			string(json, "visibility", "public");
			string(json, "created_at", date(author.createdAt()));
			string(json, "updated_at", date(author.createdAt()));
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private static void newsletters(JsonGenerator json, List<Newsletter> letters) {
		json.writeArrayPropertyStart("newsletters");
		for (int i = 0; i < letters.size(); i++) {
			Newsletter letter = letters.get(i);
			json.writeStartObject();
			string(json, "id", GhostIds.id("newsletter", letter.slug()));
			string(json, "uuid", GhostIds.uuid("newsletter", letter.slug()));
			string(json, "name", letter.name());
			text(json, "description", letter.description());
			string(json, "slug", letter.slug());
			string(json, "sender_name", letter.senderName());
			string(json, "sender_email", letter.senderAddress());
			string(json, "sender_reply_to", letter.replyTo() == null ? "newsletter" : letter.replyTo());
			string(json, "status", "active");
			string(json, "visibility", "members");
			json.writeBooleanProperty("subscribe_on_signup", letter.defaultOn());
			json.writeNumberProperty("sort_order", i);
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	/**
	 * Ghost's tiers: one per tier that plans sell or articles name, by slug, with the tier's first plan (in
	 * display order) for its name and prices, or null when no plan sells it.
	 */
	private static Map<String, BillingArchive.@Nullable ArchivedPlan> tiers(List<BillingArchive.ArchivedPlan> plans,
			Collection<Links> links) {
		Map<String, BillingArchive.@Nullable ArchivedPlan> tiers = new TreeMap<>();
		plans.forEach(plan -> tiers.putIfAbsent(plan.plan().tier(), plan));
		links.forEach(link -> link.tiers().forEach(tier -> tiers.putIfAbsent(tier, null)));
		return tiers;
	}

	private static void products(JsonGenerator json, Map<String, BillingArchive.@Nullable ArchivedPlan> tiers) {
		json.writeArrayPropertyStart("products");
		tiers.forEach((slug, first) -> {
			json.writeStartObject();
			string(json, "id", GhostIds.id("product", slug));
			string(json, "name", first == null ? slug : first.plan().name());
			string(json, "slug", slug);
			json.writeBooleanProperty("active", first == null || first.plan().active());
			json.writeNullProperty("welcome_page_url");
			string(json, "visibility", "public");
			json.writeNumberProperty("trial_days", first == null ? 0 : first.plan().trialDays());
			text(json, "description", first == null ? null : first.plan().description());
			string(json, "type", "paid");
			text(json, "currency", first == null ? null : first.plan().currency().toLowerCase(Locale.ROOT));
			number(json, "monthly_price", first == null ? null : first.plan().monthlyPrice());
			number(json, "yearly_price", first == null ? null : first.plan().yearlyPrice());
			if (first != null) {
				string(json, "created_at", date(first.createdAt()));
				string(json, "updated_at", date(first.createdAt()));
			}
			json.writeEndObject();
		});
		json.writeEndArray();
	}

}
