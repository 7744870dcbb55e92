package org.backstory.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.backstory.api.Integration;
import org.backstory.api.Integrations;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberProfile;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's audit log page: newest first, {@value #PAGE_SIZE} to a page, filtered by
 * action and by actor. Pages go back in time from the last entry shown ({@code before}),
 * so they stay fast however long the log grows. Only the owner reaches
 * {@code /admin/audit} (security configuration).
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog log;

	private final MemberDirectory members;

	private final Integrations integrations;

	AuditController(AuditLog log, MemberDirectory members, Integrations integrations) {
		this.log = log;
		this.members = members;
		this.integrations = integrations;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable Long actor, @RequestParam(required = false) @Nullable Long before,
			Model model) {
		String onlyAction = action == null || action.isBlank() ? null : action.strip();
		List<AuditEntry> entries = log.newestFirst(onlyAction, actor, before, PAGE_SIZE + 1);
		boolean more = entries.size() > PAGE_SIZE;
		List<AuditEntry> shown = more ? entries.subList(0, PAGE_SIZE) : entries;
		List<Long> actorIds = log.actors();
		Map<Long, MemberProfile> profiles = members.profiles(actorIds);
		model.addAttribute("rows",
				shown.stream()
					.map(entry -> new AuditRow(Dates.staffSecond(entry.occurredAt()), name(profiles, entry.actorId()),
							entry.action(), entry.subject(), entry.detail()))
					.toList());
		model.addAttribute("actions", log.actions());
		model.addAttribute("actors",
				actorIds.stream()
					.map(id -> new AuditActor(id, name(profiles, id)))
					.sorted(Comparator.comparing(AuditActor::name, String.CASE_INSENSITIVE_ORDER))
					.toList());
		model.addAttribute("action", onlyAction == null ? "" : onlyAction);
		model.addAttribute("actor", actor);
		model.addAttribute("olderHref", more ? href(onlyAction, actor, shown.get(shown.size() - 1).id()) : null);
		model.addAttribute("newestHref", before != null ? href(onlyAction, actor, null) : null);
		return "admin/audit";
	}

	/**
	 * A staff member's name, or for an Admin API call the integration's
	 * ({@link Integration#actorId}).
	 */
	private String name(Map<Long, MemberProfile> profiles, long memberId) {
		OptionalLong integration = Integration.ofActor(memberId);
		if (integration.isPresent()) {
			return "integration \"" + integrations.find(integration.getAsLong()).map(Integration::name).orElse("?")
					+ "\" (Admin API)";
		}
		MemberProfile profile = profiles.get(memberId);
		return profile == null ? "member " + memberId + " (account deleted)" : profile.name();
	}

	private static String href(@Nullable String action, @Nullable Long actor, @Nullable Long before) {
		List<String> query = new ArrayList<>();
		if (action != null) {
			query.add("action=" + URLEncoder.encode(action, StandardCharsets.UTF_8));
		}
		if (actor != null) {
			query.add("actor=" + actor);
		}
		if (before != null) {
			query.add("before=" + before);
		}
		return "/admin/audit" + (query.isEmpty() ? "" : "?" + String.join("&", query));
	}

}
