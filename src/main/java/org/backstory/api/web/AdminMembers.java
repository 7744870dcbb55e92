package org.backstory.api.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.backstory.members.ImportedMember;
import org.backstory.members.MemberChanges;
import org.backstory.members.MemberEditor;
import org.backstory.members.MemberRoster;
import org.backstory.members.SignedInMember;
import org.backstory.memberlist.MemberRow;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.shared.StaffActions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and changes members for the Admin API through the members module's own
 * {@link MemberEditor} (its rules, audit log and events, so the {@code member.added} and
 * {@code member.edited} webhooks fire as for the member page) and the newsletters'
 * {@link OptIns}, each request in one transaction, so a refused label or newsletter
 * leaves no member behind.
 */
@Component
class AdminMembers {

	/**
	 * Every field of Ghost's member a client may send: those Backstory takes, and those
	 * it answers but ignores.
	 */
	static final Set<String> FIELDS = Set.of("email", "name", "note", "labels", "newsletters", "subscribed", "comped",
			"id", "uuid", "geolocation", "created_at", "updated_at", "subscriptions", "avatar_image", "email_count",
			"email_opened_count", "email_open_rate", "email_recipients", "status", "last_seen_at", "tiers", "products",
			"email_suppression", "unsubscribe_url", "attribution", "can_comment");

	private final MemberEditor editor;

	private final MemberRoster roster;

	private final OptIns optIns;

	private final Newsletters newsletters;

	private final StaffActions staffActions;

	AdminMembers(MemberEditor editor, MemberRoster roster, OptIns optIns, Newsletters newsletters,
			StaffActions staffActions) {
		this.editor = editor;
		this.roster = roster;
		this.optIns = optIns;
		this.newsletters = newsletters;
		this.staffActions = staffActions;
	}

	@Transactional
	long create(AdminInput input, SignedInMember caller) {
		String email = input.text("email");
		if (email == null || email.isBlank()) {
			throw AdminInput.invalid("A member needs an email address.");
		}
		email = email.strip();
		refuseComp(input, false);
		String name = input.text("name");
		ImportedMember member = new ImportedMember(email,
				name == null || name.isBlank() ? MemberRoster.nameFromAddress(email) : name.strip(),
				Objects.requireNonNullElse(input.text("note"), "").strip(),
				Objects.requireNonNullElse(labels(input), List.of()), null);
		long id = editor.add(caller.id(), member).orElseThrow(() -> alreadyExists("add"));
		newsletters(input, id, caller);
		return id;
	}

	@Transactional
	void update(MemberRow current, AdminInput input, SignedInMember caller) {
		refuseComp(input, AdminMemberJson.status(current.billing()).equals("comped"));
		String email = input.text("email");
		if (email != null && !email.strip().equalsIgnoreCase(current.member().email())
				&& !roster.takenEmails(List.of(email.strip())).isEmpty()) {
			throw alreadyExists("edit");
		}
		editor.edit(caller.id(), current.member().id(),
				new MemberChanges(email, input.text("name"), input.text("note"), labels(input)));
		newsletters(input, current.member().id(), caller);
	}

	private static GhostError alreadyExists(String action) {
		return new GhostError(HttpStatus.UNPROCESSABLE_CONTENT, "ValidationError", "Member already exists",
				"Attempting to " + action + " member with existing email address.", null);
	}

	/**
	 * The member's newsletters as the body asks: {@code newsletters} exactly, else
	 * {@code subscribed: false} none, {@code subscribed: true} the default ones for a
	 * member who gets none; otherwise they stay.
	 */
	private void newsletters(AdminInput input, long memberId, SignedInMember caller) {
		List<Newsletter> all = newsletters.all();
		List<AdminInput.Reference> references = input.references("newsletters", List.of("id", "slug"));
		Set<Long> chosen;
		if (references != null) {
			chosen = new LinkedHashSet<>();
			for (AdminInput.Reference reference : references) {
				chosen.add(all.stream()
					.filter(n -> reference.key().equals("id") ? Long.toString(n.id()).equals(reference.value())
							: n.slug().equals(reference.value()))
					.findFirst()
					.orElseThrow(() -> AdminInput
						.invalid("No newsletter with " + reference.key() + " \"" + reference.value() + "\"."))
					.id());
			}
		}
		else if (input.has("subscribed") && !input.bool("subscribed", true)) {
			chosen = Set.of();
		}
		else if (input.bool("subscribed", false) && optIns.of(memberId).isEmpty()) {
			chosen = new LinkedHashSet<>(all.stream().filter(Newsletter::defaultOn).map(Newsletter::id).toList());
		}
		else {
			return;
		}
		if (!chosen.equals(optIns.of(memberId))) {
			optIns.choose(memberId, chosen);
			staffActions.record(caller.id(), "member.newsletters-changed", "member " + memberId,
					String.join(",", all.stream().filter(n -> chosen.contains(n.id())).map(Newsletter::slug).toList()));
		}
	}

	/**
	 * Label names from {@code labels}: a name is used as it is (a new one is made by
	 * using it, as Ghost does); a slug or id (Backstory's label ids are their slugs)
	 * names a label in use.
	 */
	private @Nullable List<String> labels(AdminInput input) {
		List<AdminInput.Reference> references = input.references("labels", List.of("name", "slug", "id"));
		if (references == null) {
			return null;
		}
		List<String> inUse = roster.labels();
		List<String> names = new ArrayList<>();
		for (AdminInput.Reference reference : references) {
			names.add(reference.key().equals("name") ? reference.value().strip()
					: inUse.stream()
						.filter(name -> AdminMemberFilter.slug(name).equals(reference.value()))
						.findFirst()
						.orElseThrow(() -> AdminInput
							.invalid("No label with " + reference.key() + " \"" + reference.value() + "\".")));
		}
		return names;
	}

	/**
	 * Comping is billing's staff action on the member page; a client sending back what it
	 * read is fine.
	 */
	private static void refuseComp(AdminInput input, boolean comped) {
		if (input.has("comped") && input.bool("comped", comped) != comped) {
			throw AdminInput
				.invalid("Comping a member is done on the member's page in Backstory, not through the API.");
		}
	}

}
