package org.backstory.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.backstory.api.GhostPosts;
import org.backstory.billing.MemberBilling;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.billing.SubscriptionSummary;
import org.backstory.memberlist.MemberRow;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.SuppressionReason;
import org.backstory.newsletters.Suppressions;
import org.springframework.stereotype.Component;

/**
 * Members in the shape of Ghost's Admin API ({@code serializers/output/members.js}):
 * {@code id, uuid, email, name,
 * note, geolocation, subscribed, created_at, updated_at, labels, subscriptions, avatar_image, comped,
 * email_open_rate, status, last_seen_at, tiers, email_suppression, newsletters}, dates as
 * {@code …000Z}. What Backstory does not keep is {@code null} (geolocation, avatar, last
 * seen, open rate); Ghost's email counts, attribution, unsubscribe link and comment
 * permission are left out.
 */
@Component
class AdminMemberJson {

	private final Newsletters newsletters;

	private final Suppressions suppressions;

	private final SubscriptionService subscriptions;

	AdminMemberJson(Newsletters newsletters, Suppressions suppressions, SubscriptionService subscriptions) {
		this.newsletters = newsletters;
		this.suppressions = suppressions;
		this.subscriptions = subscriptions;
	}

	/**
	 * Ghost's member status for a member's billing: {@code free}, {@code paid},
	 * {@code comped} or (as Ghost 6 does) {@code gift}.
	 */
	static String status(MemberBilling billing) {
		return switch (billing.status()) {
			case FREE -> "free";
			case COMPED -> "comped";
			case GIFT -> "gift";
			case PAID, TRIALING, PAST_DUE, CANCELED -> "paid";
		};
	}

	/**
	 * The members, with the newsletters and suppressions looked up once for all of them.
	 */
	List<Map<String, Object>> members(List<MemberRow> rows) {
		List<Newsletter> all = newsletters.all();
		Set<String> suppressed = suppressions.suppressedAmong(rows.stream().map(row -> row.member().email()).toList());
		return rows.stream().map(row -> member(row, all, suppressed)).toList();
	}

	private Map<String, Object> member(MemberRow row, List<Newsletter> all, Set<String> suppressed) {
		long id = row.member().id();
		String status = status(row.billing());
		List<Map<String, Object>> chosen = all.stream()
			.filter(newsletter -> row.newsletterIds().contains(newsletter.id()))
			.map(AdminMemberJson::newsletter)
			.toList();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(id));
		json.put("uuid", GhostPosts.uuid("member", id));
		json.put("email", row.member().email());
		json.put("name", row.member().name());
		json.put("note", row.member().note().isEmpty() ? null : row.member().note());
		json.put("geolocation", null);
		json.put("subscribed", !chosen.isEmpty());
		json.put("created_at", GhostPosts.adminDate(row.member().joinedAt()));
		json.put("updated_at", GhostPosts.adminDate(row.member().updatedAt()));
		json.put("labels", row.member().labels().stream().map(AdminMemberJson::label).toList());
		json.put("subscriptions", status.equals("paid") || status.equals("gift") ? subscriptions(id) : List.of());
		json.put("avatar_image", null);
		json.put("comped", status.equals("comped"));
		json.put("email_open_rate", null);
		json.put("status", status);
		json.put("last_seen_at",
				row.member().lastSeenAt() == null ? null : GhostPosts.adminDate(row.member().lastSeenAt()));
		json.put("tiers", row.billing().tier() == null ? List.of() : List.of(tier(row.billing())));
		json.put("email_suppression", suppression(row.member().email(), suppressed));
		json.put("newsletters", chosen);
		return json;
	}

	/**
	 * A label: Backstory keeps labels by name, so the slug made from it also serves as
	 * the id.
	 */
	private static Map<String, Object> label(String name) {
		String slug = AdminMemberFilter.slug(name);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", slug);
		json.put("name", name);
		json.put("slug", slug);
		return json;
	}

	private static Map<String, Object> newsletter(Newsletter newsletter) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(newsletter.id()));
		json.put("name", newsletter.name());
		json.put("description", newsletter.description().isEmpty() ? null : newsletter.description());
		json.put("status", "active");
		return json;
	}

	private static Map<String, Object> tier(MemberBilling billing) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", billing.tier());
		json.put("name", billing.planName() == null ? billing.tier() : billing.planName());
		json.put("slug", billing.tier());
		return json;
	}

	/**
	 * The live paid subscription (a comp is not one: Ghost lists comped members' tiers
	 * only).
	 */
	private List<Map<String, Object>> subscriptions(long memberId) {
		return subscriptions.currentSubscription(memberId)
			.filter(subscription -> !subscription.comped())
			.filter(subscription -> subscription.status() != SubscriptionStatus.EXPIRED
					&& subscription.status() != SubscriptionStatus.INCOMPLETE_EXPIRED)
			.map(AdminMemberJson::subscription)
			.stream()
			.toList();
	}

	private static Map<String, Object> subscription(SubscriptionSummary subscription) {
		Map<String, Object> price = new LinkedHashMap<>();
		price.put("nickname", subscription.planName());
		price.put("amount", subscription.price());
		price.put("interval", subscription.interval() == null ? null : subscription.interval().code());
		price.put("currency",
				subscription.currency() == null ? null : subscription.currency().toLowerCase(Locale.ROOT));
		price.put("type", "recurring");
		Map<String, Object> tier = new LinkedHashMap<>();
		tier.put("id", subscription.tier());
		tier.put("name", subscription.planName());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Long.toString(subscription.id()));
		json.put("status", subscription.status().name().toLowerCase(Locale.ROOT));
		json.put("current_period_end", GhostPosts.adminDate(subscription.currentPeriodEnd()));
		json.put("cancel_at_period_end", subscription.status() == SubscriptionStatus.CANCELED);
		json.put("price", price);
		json.put("tier", tier);
		return json;
	}

	private Map<String, Object> suppression(String email, Set<String> suppressed) {
		Map<String, Object> json = new LinkedHashMap<>();
		boolean stopped = suppressed.contains(email.strip().toLowerCase(Locale.ROOT));
		json.put("suppressed", stopped);
		json.put("info", stopped ? suppressions.find(email).map(found -> {
			Map<String, Object> info = new LinkedHashMap<>();
			info.put("reason", found.reason() == SuppressionReason.COMPLAINT ? "spam" : "fail");
			info.put("timestamp", GhostPosts.adminDate(found.since()));
			return info;
		}).orElse(null) : null);
		return json;
	}

}
