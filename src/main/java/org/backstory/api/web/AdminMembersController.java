package org.backstory.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.SignedInMember;
import org.backstory.memberlist.MemberList;
import org.backstory.memberlist.MemberRow;
import org.backstory.newsletters.Newsletters;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's Admin API members: browse (with {@code filter}, {@code search}, {@code limit},
 * {@code page} and {@code order} by {@code created_at}), read, add and edit, with labels
 * and newsletters. As on the staff pages, editors and above read members and
 * administrators change them. Staff accounts are not members here (Ghost keeps staff
 * apart): they are neither listed nor read nor changed, so no integration reaches a staff
 * sign-in address.
 */
@RestController
@RequestMapping("/ghost/api/admin/members")
class AdminMembersController {

	private final AdminApiAuth auth;

	private final MemberList list;

	private final MemberRoster roster;

	private final Newsletters newsletters;

	private final AdminMembers members;

	private final AdminMemberJson ghost;

	private final ContentApiAnswers answers;

	private final JsonMapper json;

	private final BackstoryProperties site;

	AdminMembersController(AdminApiAuth auth, MemberList list, MemberRoster roster, Newsletters newsletters,
			AdminMembers members, AdminMemberJson ghost, JsonMapper json, BackstoryProperties site) {
		this.auth = auth;
		this.list = list;
		this.roster = roster;
		this.newsletters = newsletters;
		this.members = members;
		this.ghost = ghost;
		this.answers = new ContentApiAnswers(json);
		this.json = json;
		this.site = site;
	}

	@GetMapping({ "/", "" })
	ResponseEntity<byte[]> browse(HttpServletRequest request) {
		auth.caller(request, MemberRole.EDITOR, "browse members");
		BrowseParameters parameters = BrowseParameters.of(null, null, null, request.getParameter("limit"),
				request.getParameter("page"), request.getParameter("order"), null);
		boolean oldestFirst = oldestFirst(parameters);
		Map<String, Long> slugs = new LinkedHashMap<>();
		newsletters.all().forEach(newsletter -> slugs.put(newsletter.slug(), newsletter.id()));
		AdminMemberFilter.Selection selection = AdminMemberFilter.of(request.getParameter("filter"),
				request.getParameter("search"), roster.labels(), slugs);
		Predicate<MemberRow> readers = selection.condition().and(row -> !row.member().role().staff());
		MemberList.Window window;
		if (oldestFirst) {
			long total = list.window(selection.query(), readers, 0, 0).total();
			long end = Math.max(0, total - parameters.offset());
			long start = Math.max(0, end - parameters.limit());
			window = list.window(selection.query(), readers, (int) start, (int) (end - start));
			List<MemberRow> rows = new ArrayList<>(window.rows());
			Collections.reverse(rows);
			window = new MemberList.Window(rows, window.total());
		}
		else {
			window = list.window(selection.query(), readers, parameters.offset(), parameters.limit());
		}
		return AdminAnswers.ok(answers.browse("members", ghost.members(window.rows()), parameters,
				(int) Math.min(Integer.MAX_VALUE, window.total())));
	}

	@GetMapping({ "/{id}/", "/{id}" })
	ResponseEntity<byte[]> read(@PathVariable String id, HttpServletRequest request) {
		auth.caller(request, MemberRole.EDITOR, "read members");
		return AdminAnswers.ok(answers.read("members", ghost.members(List.of(existing(id))).get(0)));
	}

	@PostMapping({ "/", "" })
	ResponseEntity<byte[]> add(@RequestBody(required = false) @Nullable String body, HttpServletRequest request) {
		SignedInMember caller = auth.caller(request, MemberRole.ADMINISTRATOR, "add members");
		long id = members.create(AdminInput.read(json, body, "members", AdminMembers.FIELDS), caller);
		return ResponseEntity.created(URI.create(site.link("/ghost/api/admin/members/" + id + "/")))
			.headers(AdminAnswers.headers())
			.body(answers.read("members", ghost.members(List.of(existing(Long.toString(id)))).get(0)).body());
	}

	@PutMapping({ "/{id}/", "/{id}" })
	ResponseEntity<byte[]> edit(@PathVariable String id, @RequestBody(required = false) @Nullable String body,
			HttpServletRequest request) {
		SignedInMember caller = auth.caller(request, MemberRole.ADMINISTRATOR, "edit members");
		MemberRow current = existing(id);
		members.update(current, AdminInput.read(json, body, "members", AdminMembers.FIELDS), caller);
		return AdminAnswers.ok(answers.read("members", ghost.members(List.of(existing(id))).get(0)));
	}

	/**
	 * A reader with this id; anything else (no such member, a staff account, not a
	 * number) is Ghost's 404.
	 */
	private MemberRow existing(String id) {
		if (!id.matches("[0-9]{1,18}")) {
			throw notFound();
		}
		return list.one(Long.parseLong(id))
			.filter(row -> !row.member().role().staff())
			.orElseThrow(AdminMembersController::notFound);
	}

	private static GhostError notFound() {
		return new GhostError(HttpStatus.NOT_FOUND, "NotFoundError", "Member not found.", null, null);
	}

	/**
	 * Members come newest first; {@code order=created_at asc} turns that round. Other
	 * orders are a 400.
	 */
	private static boolean oldestFirst(BrowseParameters parameters) {
		List<BrowseParameters.OrderKey> keys = parameters.orderKeys();
		if (keys.isEmpty()) {
			return false;
		}
		if (keys.size() != 1 || !keys.get(0).field().equals("created_at")) {
			throw GhostError.badRequest("Validation error, cannot order.", "Members are ordered by created_at only.");
		}
		return !keys.get(0).descending();
	}

}
