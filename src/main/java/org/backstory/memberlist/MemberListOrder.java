package org.backstory.memberlist;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.backstory.billing.BillingStatus;
import org.backstory.members.RosterOrder;
import org.jspecify.annotations.Nullable;

/**
 * A column staff sort the member list by, each paged by its own cursor (the sort value
 * and the member's id). Joined, name and address are the members module's columns; status
 * is billing's, so the list walks the statuses in order and, within each, the members by
 * id.
 */
public enum MemberListOrder {

	JOINED(RosterOrder.JOINED), NAME(RosterOrder.NAME), EMAIL(RosterOrder.EMAIL), STATUS(null);

	/** Statuses in the order staff read them: by label, A to Z. */
	static final List<BillingStatus> STATUSES = Stream.of(BillingStatus.values())
		.sorted(Comparator.comparing(BillingStatus::label))
		.toList();

	private final @Nullable RosterOrder roster;

	MemberListOrder(@Nullable RosterOrder roster) {
		this.roster = roster;
	}

	/** The members module's order, or null for status. */
	@Nullable RosterOrder roster() {
		return roster;
	}

}
