package org.backstory.exports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.backstory.billing.BillingArchive;
import org.backstory.billing.Plan;
import org.backstory.members.MemberProfile;
import org.backstory.newsletters.Newsletter;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.ArticleArchive;
import org.backstory.publishing.Entity;
import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Publication;
import org.backstory.publishing.SourceLink;
import org.backstory.publishing.StorylineEvent;
import tools.jackson.core.JsonGenerator;

import static org.backstory.exports.JsonFields.date;
import static org.backstory.exports.JsonFields.dateOrNull;
import static org.backstory.exports.JsonFields.number;
import static org.backstory.exports.JsonFields.string;
import static org.backstory.exports.JsonFields.text;

/**
 * What Ghost has no place for, under {@code db[0].backstory} beside Ghost's {@code meta}
 * and {@code data} (Ghost's importer reads only those two): the publication's legal
 * details; each article's Markdown source, stored status, tier list, storyline part, slug
 * aliases and editor switch; authors' staff links; tag and storyline aliases; the
 * storylines with their events; the entities (people, places, organisations) with their
 * aliases and rejected mentions; the plans; and the newsletters' settings Ghost names
 * differently. Rows refer to Ghost's rows by their ids ({@code post_id}, {@code tag_id},
 * {@code user_id}, {@code newsletter_id}), and carry Backstory's own id, so an import
 * into Backstory loses nothing.
 */
final class BackstorySection {

	/**
	 * Bumped when the section's meaning changes, so an importer can refuse what it does
	 * not understand.
	 */
	static final int FORMAT_VERSION = 1;

	private final ArticleArchive articles;

	private final JsonGenerator json;

	BackstorySection(ArticleArchive articles, JsonGenerator json) {
		this.articles = articles;
		this.json = json;
	}

	void write(SiteRecords.Site site) {
		json.writeObjectPropertyStart("backstory");
		json.writeNumberProperty("format_version", FORMAT_VERSION);
		publication(site.publication(), site.labels());
		json.writeArrayPropertyStart("articles");
		articles.forEachArticle(this::article);
		json.writeEndArray();
		authors(site.authors(), site.staff());
		tags(site.tags());
		storylines(articles.storylines());
		events(articles.events());
		entities(articles.entities());
		plans(site.plans());
		newsletters(site.newsletters());
		json.writeEndObject();
	}

	private void publication(Publication publication, HouseLabels labels) {
		json.writeObjectPropertyStart("publication");
		string(json, "name", publication.name());
		string(json, "tagline", publication.tagline());
		string(json, "accent_color", publication.accentColor());
		text(json, "logo_url", publication.logoUrl());
		string(json, "legal_name", publication.legalName());
		string(json, "postal_address", publication.postalAddress());
		string(json, "background_label", labels.background());
		string(json, "now_label", labels.now());
		json.writeEndObject();
	}

	private void article(ArchivedArticle article) {
		json.writeStartObject();
		string(json, "post_id", GhostIds.id("post", article.id()));
		json.writeNumberProperty("id", article.id());
		string(json, "slug", article.slug());
		string(json, "title", article.title());
		string(json, "dek", article.dek());
		string(json, "markdown", article.text().body());
		string(json, "background_markdown", article.text().background());
		string(json, "now_markdown", article.text().now());
		string(json, "status", article.status());
		text(json, "published_at", dateOrNull(article.publishedAt()));
		json.writeBooleanProperty("on_site", article.onSite());
		string(json, "visibility", article.visibility().level().name().toLowerCase(Locale.ROOT));
		json.writeArrayPropertyStart("visibility_tiers");
		article.visibility().tiers().stream().sorted().forEach(json::writeString);
		json.writeEndArray();
		text(json, "cover_image_url", article.coverImageUrl());
		string(json, "seo_title", article.seo().title());
		string(json, "seo_description", article.seo().description());
		text(json, "social_image_url", article.seo().socialImageUrl());
		text(json, "storyline_id",
				article.storylineId() == null ? null : GhostIds.id("storyline", article.storylineId()));
		number(json, "storyline_position", article.storylinePosition());
		json.writeBooleanProperty("author_may_publish", article.authorMayPublish());
		json.writeBooleanProperty("meter_exempt", article.meterExempt());
		strings("slug_aliases", article.slugAliases());
		string(json, "created_at", date(article.createdAt()));
		string(json, "updated_at", date(article.updatedAt()));
		json.writeEndObject();
	}

	private void authors(List<ArchivedArticle.Author> authors, Map<Long, MemberProfile> staff) {
		json.writeArrayPropertyStart("authors");
		for (ArchivedArticle.Author author : authors) {
			MemberProfile profile = author.memberId() == null ? null : staff.get(author.memberId());
			json.writeStartObject();
			string(json, "user_id", GhostIds.id("user", author.id()));
			json.writeNumberProperty("id", author.id());
			string(json, "slug", author.slug());
			string(json, "bio", author.bio());
			text(json, "staff_email", profile == null ? null : profile.email());
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private void tags(List<ArchivedArticle.Tag> tags) {
		json.writeArrayPropertyStart("tags");
		for (ArchivedArticle.Tag tag : tags) {
			json.writeStartObject();
			string(json, "tag_id", GhostIds.id("tag", tag.id()));
			json.writeNumberProperty("id", tag.id());
			string(json, "slug", tag.slug());
			strings("aliases", tag.aliases());
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private void storylines(List<ArchivedArticle.Storyline> storylines) {
		json.writeArrayPropertyStart("storylines");
		for (ArchivedArticle.Storyline storyline : storylines) {
			json.writeStartObject();
			string(json, "storyline_id", GhostIds.id("storyline", storyline.id()));
			json.writeNumberProperty("id", storyline.id());
			string(json, "slug", storyline.slug());
			string(json, "title", storyline.title());
			string(json, "description", storyline.description());
			strings("aliases", storyline.aliases());
			string(json, "created_at", date(storyline.createdAt()));
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private void events(List<ArchivedArticle.Event> events) {
		json.writeArrayPropertyStart("storyline_events");
		for (ArchivedArticle.Event archived : events) {
			StorylineEvent event = archived.event();
			json.writeStartObject();
			json.writeNumberProperty("id", event.id());
			string(json, "storyline_id", GhostIds.id("storyline", event.storylineId()));
			string(json, "date", event.date().written());
			string(json, "summary", event.summary());
			string(json, "quote", event.quote());
			string(json, "speaker", event.speaker());
			json.writeArrayPropertyStart("sources");
			for (SourceLink source : event.sources()) {
				json.writeStartObject();
				string(json, "url", source.url());
				string(json, "label", source.label());
				json.writeEndObject();
			}
			json.writeEndArray();
			text(json, "post_id", event.articleId() == null ? null : GhostIds.id("post", event.articleId()));
			json.writeBooleanProperty("key_event", event.key());
			string(json, "created_at", date(archived.createdAt()));
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private void entities(List<ArchivedArticle.KnownEntity> entities) {
		json.writeArrayPropertyStart("entities");
		for (ArchivedArticle.KnownEntity known : entities) {
			Entity entity = known.entity();
			json.writeStartObject();
			json.writeNumberProperty("id", entity.id());
			string(json, "kind", entity.kind().code());
			string(json, "slug", entity.slug());
			string(json, "name", entity.name());
			string(json, "bio", entity.bio());
			strings("aliases", entity.aliases());
			strings("rejected_post_ids", known.rejectedIn().stream().map(id -> GhostIds.id("post", id)).toList());
			string(json, "created_at", date(known.createdAt()));
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private void plans(List<BillingArchive.ArchivedPlan> plans) {
		json.writeArrayPropertyStart("plans");
		for (BillingArchive.ArchivedPlan archived : plans) {
			Plan plan = archived.plan();
			json.writeStartObject();
			string(json, "code", plan.code());
			string(json, "name", plan.name());
			string(json, "tier", plan.tier());
			string(json, "product_id", GhostIds.id("product", plan.tier()));
			string(json, "description", plan.description());
			string(json, "currency", plan.currency());
			json.writeNumberProperty("monthly_price", plan.monthlyPrice());
			json.writeNumberProperty("yearly_price", plan.yearlyPrice());
			json.writeNumberProperty("trial_days", plan.trialDays());
			json.writeBooleanProperty("active", plan.active());
			json.writeNumberProperty("display_order", plan.displayOrder());
			string(json, "created_at", date(archived.createdAt()));
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private void newsletters(List<Newsletter> newsletters) {
		json.writeArrayPropertyStart("newsletters");
		for (int i = 0; i < newsletters.size(); i++) {
			Newsletter newsletter = newsletters.get(i);
			json.writeStartObject();
			string(json, "newsletter_id", GhostIds.id("newsletter", newsletter.slug()));
			string(json, "slug", newsletter.slug());
			text(json, "reply_to", newsletter.replyTo());
			json.writeBooleanProperty("default_on", newsletter.defaultOn());
			json.writeNumberProperty("position", i);
			json.writeEndObject();
		}
		json.writeEndArray();
	}

	private void strings(String name, List<String> values) {
		json.writeArrayPropertyStart(name);
		values.forEach(json::writeString);
		json.writeEndArray();
	}

}
