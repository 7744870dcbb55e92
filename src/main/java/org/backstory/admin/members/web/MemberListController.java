package org.backstory.admin.members.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.admin.members.MemberExport;
import org.backstory.memberlist.MemberList;
import org.backstory.memberlist.MemberListOrder;
import org.backstory.memberlist.MemberListQuery;
import org.backstory.memberlist.MemberRow;
import org.backstory.billing.BillingStatus;
import org.backstory.billing.MemberBillingQueries;
import org.backstory.members.MemberRole;
import org.backstory.members.MemberRoster;
import org.backstory.members.RosterCursor;
import org.backstory.members.SignedInMember;
import org.backstory.newsletters.Newsletters;
import org.backstory.shared.ListSort;
import org.backstory.shared.web.Responses;
import org.backstory.shared.web.SortHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The member list with its filters, fifty a page, sorted by name, address, status or
 * joining either way (newest first by default), and its CSV export (administrators only).
 */
@Controller
class MemberListController {

	static final int PAGE_SIZE = 50;

	static final ListSort NEWEST_FIRST = new ListSort("joined", true);

	/**
	 * The sortable columns, each paged by its own cursor (sort value and id); newsletters
	 * and labels are many per member, so they are filters rather than orders.
	 */
	private static final Map<String, MemberListOrder> ORDERS = Map.of("joined", MemberListOrder.JOINED, "name",
			MemberListOrder.NAME, "email", MemberListOrder.EMAIL, "status", MemberListOrder.STATUS);

	private final MemberList list;

	private final MemberExport export;

	private final MemberRoster roster;

	private final MemberBillingQueries billing;

	private final Newsletters newsletters;

	private final Clock clock;

	MemberListController(MemberList list, MemberExport export, MemberRoster roster, MemberBillingQueries billing,
			Newsletters newsletters, Clock clock) {
		this.list = list;
		this.export = export;
		this.roster = roster;
		this.billing = billing;
		this.newsletters = newsletters;
		this.clock = clock;
	}

	@GetMapping("/admin/members")
	String list(@RequestParam Map<String, String> params, @AuthenticationPrincipal SignedInMember staff, Model model,
			HttpServletResponse response) {
		Responses.personal(response);
		MemberListQuery query = query(params);
		String after = params.get("after");
		RosterCursor cursor = after == null ? null : RosterCursor.parse(after)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed page position"));
		ListSort sort = ListSort.of(params.get("sort"), params.get("dir"), ORDERS.keySet(), Set.of("joined"),
				NEWEST_FIRST);
		MemberListOrder order = ORDERS.get(sort.column());
		List<MemberRow> rows;
		try {
			rows = list.page(query, order, sort.descending(), cursor, PAGE_SIZE + 1);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed page position");
		}
		boolean more = rows.size() > PAGE_SIZE;
		List<MemberRow> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
		String filtersOnly = query.queryString();
		String unsorted = "/admin/members" + (filtersOnly.isEmpty() ? "?" : "?" + filtersOnly + "&");
		String filters = filtersOnly + (sort.equals(NEWEST_FIRST) ? ""
				: (filtersOnly.isEmpty() ? "" : "&") + "sort=" + sort.column() + "&dir=" + sort.direction());
		String base = "/admin/members" + (filters.isEmpty() ? "?" : "?" + filters + "&");
		boolean administrator = staff.role().atLeast(MemberRole.ADMINISTRATOR);
		model.addAttribute("page",
				new MemberListPage(query.search(), statuses(query), plans(query), newsletterChoices(query),
						labels(query), dayOrEmpty(query.joinedFrom()), dayOrEmpty(query.joinedTo()),
						shown.stream().map(MemberLine::of).toList(),
						more ? base + "after=" + list.cursorAt(order, shown.get(shown.size() - 1)).token() : null,
						cursor == null ? null : "/admin/members" + (filters.isEmpty() ? "" : "?" + filters),
						administrator ? "/admin/members/export.csv" + (filtersOnly.isEmpty() ? "" : "?" + filtersOnly)
								: null,
						administrator, sort, SortHeader.of("Name", "name", sort, unsorted, false),
						SortHeader.of("Email", "email", sort, unsorted, false),
						SortHeader.of("Status", "status", sort, unsorted, false),
						SortHeader.of("Joined", "joined", sort, unsorted, true)));
		return "admin/members/list";
	}

	/**
	 * Editors may read the list, but the export is personal data in bulk: administrators
	 * only.
	 */
	@GetMapping("/admin/members/export.csv")
	void exportCsv(@RequestParam Map<String, String> params, @AuthenticationPrincipal SignedInMember staff,
			HttpServletResponse response) throws IOException {
		if (!staff.role().atLeast(MemberRole.ADMINISTRATOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only administrators export members");
		}
		MemberListQuery query = query(params);
		Responses.personal(response);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"members-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".csv\"");
		// Written as it is read, a chunk of members at a time: the response is never held
		// whole.
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		export.write(staff.id(), query, writer);
		writer.flush();
	}

	static MemberListQuery query(Map<String, String> params) {
		String status = blank(params.get("status"));
		String newsletter = blank(params.get("newsletter"));
		try {
			return new MemberListQuery(params.getOrDefault("q", ""),
					status == null ? null : BillingStatus.fromCode(status)
						.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown status")),
					params.get("plan"), newsletter == null ? null : Long.valueOf(newsletter), params.get("label"),
					day(params.get("from")), day(params.get("to")));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dates are YYYY-MM-DD, newsletters are ids");
		}
	}

	private List<Choice> statuses(MemberListQuery query) {
		List<Choice> choices = new ArrayList<>();
		for (BillingStatus status : BillingStatus.values()) {
			choices.add(new Choice(status.code(), status.label(), status == query.status()));
		}
		return choices;
	}

	private List<Choice> plans(MemberListQuery query) {
		return billing.plans()
			.entrySet()
			.stream()
			.map(plan -> new Choice(plan.getKey(), plan.getValue(), plan.getKey().equals(query.plan())))
			.toList();
	}

	private List<Choice> newsletterChoices(MemberListQuery query) {
		return newsletters.all()
			.stream()
			.map(n -> new Choice(Long.toString(n.id()), n.name(),
					Optional.ofNullable(query.newsletter()).filter(id -> id == n.id()).isPresent()))
			.toList();
	}

	private List<Choice> labels(MemberListQuery query) {
		return roster.labels().stream().map(label -> new Choice(label, label, label.equals(query.label()))).toList();
	}

	private static @Nullable LocalDate day(@Nullable String value) {
		String day = blank(value);
		return day == null ? null : LocalDate.parse(day);
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String dayOrEmpty(@Nullable LocalDate day) {
		return day == null ? "" : day.toString();
	}

}
