package org.backstory.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backstory.api.GhostPosts;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.publishing.Publication;
import org.backstory.publishing.PublicationService;
import org.backstory.shared.BackstoryProperties;

/**
 * The Content API's settings, tiers and newsletters in Ghost's shapes. Tiers are the free
 * tier and one per tier the active plans sell (named and priced after the first plan
 * selling it); prices are in minor units, as Ghost's.
 */
final class ContentApiSettings {

	private final PublicationService publications;

	private final PlanCatalog plans;

	private final Newsletters newsletters;

	private final BackstoryProperties site;

	ContentApiSettings(PublicationService publications, PlanCatalog plans, Newsletters newsletters,
			BackstoryProperties site) {
		this.publications = publications;
		this.plans = plans;
		this.newsletters = newsletters;
		this.site = site;
	}

	Map<String, Object> settings() {
		Publication publication = publications.publication();
		Map<String, Object> json = GhostJson.publication(publication);
		json.put("cover_image", null);
		json.put("facebook", null);
		json.put("twitter", null);
		json.put("lang", "en");
		json.put("locale", "en");
		json.put("timezone", "Etc/UTC");
		json.put("codeinjection_head", null);
		json.put("codeinjection_foot", null);
		json.put("navigation", List.of());
		json.put("secondary_navigation", List.of());
		json.put("meta_title", null);
		json.put("meta_description", null);
		GhostJson.noSocialCards(json);
		json.put("members_support_address", null);
		json.put("members_enabled", true);
		json.put("members_invite_only", false);
		json.put("paid_members_enabled", !plans.activePlans().isEmpty());
		json.put("portal_button", false);
		json.put("comments_enabled", "off");
		json.put("url", site.link("/"));
		json.put("version", "5.0");
		return json;
	}

	List<Map<String, Object>> tiers(BrowseParameters parameters) {
		List<Map<String, Object>> tiers = new ArrayList<>();
		Map<String, Object> free = tier("free", "Free", "free", "", null, parameters);
		tiers.add(free);
		Map<String, Plan> byTier = new LinkedHashMap<>();
		plans.activePlans().forEach(plan -> byTier.putIfAbsent(plan.tier(), plan));
		byTier
			.forEach((code, plan) -> tiers.add(tier(code, plan.name(), "paid", plan.description(), plan, parameters)));
		return tiers.stream().map(tier -> GhostJson.retainFields(tier, parameters.fields())).toList();
	}

	private static Map<String, Object> tier(String code, String name, String type, String description,
			@org.jspecify.annotations.Nullable Plan plan, BrowseParameters parameters) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", code);
		json.put("name", name);
		json.put("slug", code);
		json.put("description", description.isEmpty() ? null : description);
		json.put("active", true);
		json.put("type", type);
		json.put("welcome_page_url", null);
		json.put("visibility", "public");
		json.put("trial_days", plan == null ? 0 : plan.trialDays());
		json.put("currency", plan == null ? null : plan.currency().toLowerCase());
		json.put("created_at", null);
		json.put("updated_at", null);
		if (parameters.includes("monthly_price")) {
			json.put("monthly_price", plan == null ? null : plan.monthlyPrice());
		}
		if (parameters.includes("yearly_price")) {
			json.put("yearly_price", plan == null ? null : plan.yearlyPrice());
		}
		if (parameters.includes("benefits")) {
			json.put("benefits", List.of());
		}
		return json;
	}

	List<Map<String, Object>> newsletters(BrowseParameters parameters) {
		List<Newsletter> all = newsletters.all();
		List<Map<String, Object>> list = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			Newsletter newsletter = all.get(i);
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", Long.toString(newsletter.id()));
			json.put("uuid", GhostPosts.uuid("newsletter", newsletter.id()));
			json.put("name", newsletter.name());
			json.put("description", newsletter.description().isEmpty() ? null : newsletter.description());
			json.put("slug", newsletter.slug());
			json.put("sender_email", null);
			json.put("subscribe_on_signup", newsletter.defaultOn());
			json.put("visibility", "members");
			json.put("sort_order", i);
			json.put("created_at", null);
			json.put("updated_at", null);
			list.add(GhostJson.retainFields(json, parameters.fields()));
		}
		return list;
	}

}
