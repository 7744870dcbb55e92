package org.backstory.exports;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.backstory.billing.BillingArchive;
import org.backstory.members.MemberProfile;
import org.backstory.newsletters.Newsletter;
import org.backstory.publishing.ArchivedArticle;
import org.backstory.publishing.Publication;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

import static org.backstory.exports.JsonFields.date;
import static org.backstory.exports.JsonFields.number;
import static org.backstory.exports.JsonFields.string;
import static org.backstory.exports.JsonFields.text;

/**
 * The tables of Ghost's export that are not posts: the site's settings, tags, users (the
 * authors), newsletters and tiers ({@code products}), each row in Ghost's column names,
 * in a stable order.
 */
final class GhostTables {

	private GhostTables() {
	}

	/**
	 * The publication's name, tagline, accent colour and logo as Ghost's site settings,
	 * which Ghost's importer writes over its own by key.
	 */
	static void settings(JsonGenerator json, Publication publication) {
		json.writeArrayPropertyStart("settings");
		setting(json, "title", publication.name());
		setting(json, "description", publication.tagline());
		setting(json, "accent_color", publication.accentColor());
		setting(json, "logo", publication.logoUrl());
		json.writeEndArray();
	}

	private static void setting(JsonGenerator json, String key, @Nullable String value) {
		json.writeStartObject();
		string(json, "id", GhostIds.id("setting", key));
		string(json, "group", "site");
		string(json, "key", key);
		text(json, "value", value);
		string(json, "type", "string");
		json.writeEndObject();
	}

	static void tags(JsonGenerator json, List<ArchivedArticle.Tag> tags) {
		json.writeArrayPropertyStart("tags");
		for (ArchivedArticle.Tag tag : tags) {
			json.writeStartObject();
			string(json, "id", GhostIds.id("tag", tag.id()));
			string(json, "name", tag.name());
			string(json, "slug", tag.slug());
			text(json, "description", tag.description());
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
	 * The authors as Ghost users, without passwords. Ghost needs an address for every
	 * user: an author who is not a staff member (one written for, or imported) gets
	 * {@code <slug>@authors.invalid}, a reserved domain that never receives mail.
	 */
	static void users(JsonGenerator json, List<ArchivedArticle.Author> authors, Map<Long, MemberProfile> staff) {
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

	static void newsletters(JsonGenerator json, List<Newsletter> letters) {
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
	 * Ghost's tiers: one per tier that plans sell or articles name, by slug, with the
	 * tier's first plan (in display order) for its name and prices, or null when no plan
	 * sells it.
	 */
	static Map<String, BillingArchive.@Nullable ArchivedPlan> tiers(List<BillingArchive.ArchivedPlan> plans,
			Collection<String> namedByArticles) {
		Map<String, BillingArchive.@Nullable ArchivedPlan> tiers = new TreeMap<>();
		plans.forEach(plan -> tiers.putIfAbsent(plan.plan().tier(), plan));
		namedByArticles.forEach(tier -> tiers.putIfAbsent(tier, null));
		return tiers;
	}

	static void products(JsonGenerator json, Map<String, BillingArchive.@Nullable ArchivedPlan> tiers) {
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
