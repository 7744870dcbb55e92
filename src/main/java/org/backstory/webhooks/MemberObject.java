package org.backstory.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.backstory.api.GhostPosts;
import org.backstory.billing.Entitlement;
import org.backstory.billing.Entitlements;
import org.backstory.members.MemberListing;
import org.backstory.members.MemberProfile;
import org.backstory.members.MemberRoster;
import org.springframework.stereotype.Component;

/**
 * A member as a webhook body's {@code member} object, with the field names of Ghost's
 * Admin API member: {@code id,
 * uuid, email, name, note, status} ({@code free}, {@code paid} or {@code comped}),
 * {@code labels} and {@code created_at}. Staff accounts are not members here: Ghost keeps
 * staff apart, and their changes are not announced.
 */
@Component
class MemberObject {

	private final MemberRoster roster;

	private final Entitlements entitlements;

	MemberObject(MemberRoster roster, Entitlements entitlements) {
		this.roster = roster;
		this.entitlements = entitlements;
	}

	/** The member's object, or empty for a staff account or a member who is not there. */
	Optional<Map<String, Object>> of(long memberId) {
		return roster.find(memberId).filter(member -> !member.role().staff()).map(this::object);
	}

	/** Who a subscription or payment belongs to, in short: id, uuid, email and name. */
	static Map<String, Object> reference(MemberProfile member) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", String.valueOf(member.id()));
		object.put("uuid", GhostPosts.uuid("member", member.id()));
		object.put("email", member.email());
		object.put("name", member.name());
		return object;
	}

	private Map<String, Object> object(MemberListing member) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", String.valueOf(member.id()));
		object.put("uuid", GhostPosts.uuid("member", member.id()));
		object.put("email", member.email());
		object.put("name", member.name());
		object.put("note", member.note().isEmpty() ? null : member.note());
		object.put("status", status(entitlements.ofAll(List.of(member.id())).get(member.id())));
		object.put("labels", member.labels().stream().map(MemberObject::label).toList());
		object.put("created_at", GhostPosts.date(member.joinedAt()));
		return object;
	}

	/**
	 * Ghost's member status; the uncached query, so a change made in this transaction
	 * shows.
	 */
	private static String status(Entitlement entitlement) {
		return switch (entitlement.status()) {
			case COMPED -> "comped";
			case NONE, EXPIRED -> "free";
			default -> "paid";
		};
	}

	private static Map<String, Object> label(String name) {
		Map<String, Object> label = new LinkedHashMap<>();
		label.put("name", name);
		label.put("slug", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
		return label;
	}

}
