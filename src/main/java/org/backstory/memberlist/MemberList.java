package org.backstory.memberlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.backstory.billing.BillingMembers;
import org.backstory.billing.BillingStatus;
import org.backstory.billing.MemberBilling;
import org.backstory.billing.MemberBillingQueries;
import org.backstory.members.MemberBatchFilter;
import org.backstory.members.MemberCursor;
import org.backstory.members.MemberFilter;
import org.backstory.members.MemberListing;
import org.backstory.members.MemberRoster;
import org.backstory.members.RosterCursor;
import org.backstory.members.RosterOrder;
import org.backstory.newsletters.OptIns;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The staff member list, put together from three modules without joining their tables:
 * billing and newsletters turn their filters into sets of member ids, the members module
 * pages through its table with those sets as conditions, and the page's fifty members get
 * their billing and newsletters in one query each.
 */
@Service
public class MemberList {

	/**
	 * The most ids another module lists for a condition; past this it is asked chunk by
	 * chunk.
	 */
	static final int ID_SET_LIMIT = 2_000;

	private final MemberRoster roster;

	private final MemberBillingQueries billing;

	private final OptIns optIns;

	MemberList(MemberRoster roster, MemberBillingQueries billing, OptIns optIns) {
		this.roster = roster;
		this.billing = billing;
		this.optIns = optIns;
	}

	/**
	 * Up to {@code size} members after {@code after} (null for the first page), newest
	 * first.
	 */
	public List<MemberRow> page(MemberListQuery query, @Nullable MemberCursor after, int size) {
		return page(query, after, size, false);
	}

	/** The same page, oldest first when asked. */
	public List<MemberRow> page(MemberListQuery query, @Nullable MemberCursor after, int size, boolean oldestFirst) {
		return rows(roster.page(filter(query), after, size, oldestFirst));
	}

	/**
	 * Up to {@code size} members in {@code order}, after {@code after} (null for the
	 * first page; a cursor from {@link #cursorAt}).
	 * @throws IllegalArgumentException if {@code after} is not a position in this order
	 */
	public List<MemberRow> page(MemberListQuery query, MemberListOrder order, boolean descending,
			@Nullable RosterCursor after, int size) {
		RosterOrder roster = order.roster();
		if (roster != null) {
			return rows(this.roster.page(filter(query), roster, descending, after, size));
		}
		return byStatus(query, descending, after, size);
	}

	/** The position just after {@code row} in a list in {@code order}. */
	public RosterCursor cursorAt(MemberListOrder order, MemberRow row) {
		RosterOrder roster = order.roster();
		return roster != null ? this.roster.cursorAt(roster, row.member())
				: new RosterCursor(row.billing().status().code(), row.member().id());
	}

	/**
	 * The statuses in turn (A to Z, or Z to A), each status's members by id, starting in
	 * the cursor's status after its member.
	 */
	private List<MemberRow> byStatus(MemberListQuery query, boolean descending, @Nullable RosterCursor after,
			int size) {
		BillingStatus from = after == null ? null : BillingStatus.fromCode(after.value())
			.orElseThrow(() -> new IllegalArgumentException("not a billing status: " + after.value()));
		List<BillingStatus> statuses = new ArrayList<>(MemberListOrder.STATUSES);
		if (descending) {
			Collections.reverse(statuses);
		}
		List<MemberRow> rows = new ArrayList<>();
		for (BillingStatus status : statuses.subList(from == null ? 0 : statuses.indexOf(from), statuses.size())) {
			if (query.status() != null && query.status() != status) {
				continue;
			}
			RosterCursor within = status == from ? new RosterCursor(Long.toString(after.id()), after.id()) : null;
			rows.addAll(rows(roster.page(filter(query.withStatus(status)), RosterOrder.ID, descending, within,
					size - rows.size())));
			if (rows.size() == size) {
				break;
			}
		}
		return rows;
	}

	/** The member with this id, with their billing and newsletters. */
	public Optional<MemberRow> one(long memberId) {
		return roster.find(memberId).map(member -> rows(List.of(member)).get(0));
	}

	/** Every member matching the query, newest first, streamed a chunk at a time. */
	public void forEach(MemberListQuery query, Consumer<MemberRow> row) {
		roster.forEachChunk(filter(query), chunk -> rows(chunk).forEach(row));
	}

	/**
	 * The rows of the query that also pass {@code condition}, newest first: {@code size}
	 * of them after the first {@code skip}, and how many pass in all. For conditions the
	 * list's own filters cannot say (Ghost's filters with {@code ,}); it walks every
	 * member the query admits, a chunk at a time.
	 */
	public Window window(MemberListQuery query, Predicate<MemberRow> condition, int skip, int size) {
		List<MemberRow> rows = new ArrayList<>();
		long[] total = { 0 };
		forEach(query, row -> {
			if (condition.test(row)) {
				if (total[0] >= skip && rows.size() < size) {
					rows.add(row);
				}
				total[0]++;
			}
		});
		return new Window(rows, total[0]);
	}

	/**
	 * A page of the list by position.
	 *
	 * @param rows the members on it
	 * @param total how many members match in all
	 */
	public record Window(List<MemberRow> rows, long total) {

		public Window {
			rows = List.copyOf(rows);
		}

	}

	/**
	 * The members module's filter for a query. A billing or newsletter condition that
	 * admits a few thousand members at most becomes a set of ids in the SQL; one that
	 * admits more becomes a batch filter asked about each chunk of candidates.
	 */
	MemberFilter filter(MemberListQuery query) {
		Set<Long> only = null;
		Set<Long> except = new HashSet<>();
		List<MemberBatchFilter> batchFilters = new ArrayList<>();
		BillingStatus status = query.status();
		String plan = query.plan();
		if (status != null || plan != null) {
			Optional<BillingMembers> few = billing.membersWith(status, plan, ID_SET_LIMIT);
			if (few.isEmpty()) {
				batchFilters.add(candidates -> billing.membersAmong(status, plan, candidates));
			}
			else if (few.get().allBut()) {
				except.addAll(few.get().ids());
			}
			else {
				only = new HashSet<>(few.get().ids());
			}
		}
		Long newsletter = query.newsletter();
		if (newsletter != null) {
			Optional<Set<Long>> readers = optIns.membersOf(newsletter, ID_SET_LIMIT);
			if (readers.isEmpty()) {
				batchFilters.add(candidates -> optIns.membersAmong(newsletter, candidates));
			}
			else if (only == null) {
				only = new HashSet<>(readers.get());
			}
			else {
				only.retainAll(readers.get());
			}
		}
		if (only != null) {
			only.removeAll(except);
			except.clear();
		}
		return new MemberFilter(query.search(), startOf(query.joinedFrom()),
				query.joinedTo() == null ? null : startOf(query.joinedTo().plusDays(1)), query.label(), only, except,
				batchFilters.isEmpty() ? null : all(batchFilters));
	}

	/** Each filter asked in turn about the candidates the ones before it admitted. */
	private static MemberBatchFilter all(List<MemberBatchFilter> filters) {
		return candidates -> {
			Set<Long> admitted = new HashSet<>(candidates);
			for (MemberBatchFilter filter : filters) {
				if (admitted.isEmpty()) {
					break;
				}
				admitted = filter.admitted(List.copyOf(admitted));
			}
			return admitted;
		};
	}

	private List<MemberRow> rows(List<MemberListing> members) {
		List<Long> ids = members.stream().map(MemberListing::id).toList();
		Map<Long, MemberBilling> billings = billing.of(ids);
		Map<Long, Set<Long>> newsletters = optIns.ofAll(ids);
		return members.stream()
			.map(member -> new MemberRow(member, billings.get(member.id()),
					newsletters.getOrDefault(member.id(), Set.of())))
			.toList();
	}

	private static @Nullable Instant startOf(@Nullable LocalDate day) {
		return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
