package org.backstory.billing.group;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backstory.billing.subscription.EntitlementCache;
import org.backstory.billing.subscription.GroupSeats;
import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seats readers hold in group subscriptions and the email domains that give seats.
 * Every change to a seat makes {@link EntitlementCache} forget, so a removed reader loses
 * access on their next page.
 */
@Repository
class SeatRepository implements GroupSeats {

	private final JdbcClient jdbc;

	private final EntitlementCache entitlements;

	SeatRepository(JdbcClient jdbc, EntitlementCache entitlements) {
		this.jdbc = jdbc;
		this.entitlements = entitlements;
	}

	@Override
	public Optional<Long> subscriptionOfSeat(long memberId) {
		return jdbc.sql("select subscription_id from billing.group_seat where member_id = :member")
			.param("member", memberId)
			.query(Long.class)
			.optional();
	}

	@Override
	public Map<Long, Long> subscriptionsOfSeats(Collection<Long> memberIds) {
		Map<Long, Long> seats = new HashMap<>();
		if (!memberIds.isEmpty()) {
			jdbc.sql("select member_id, subscription_id from billing.group_seat where member_id in (:members)")
				.param("members", memberIds)
				.query((rs, row) -> seats.put(rs.getLong("member_id"), rs.getLong("subscription_id")))
				.list();
		}
		return seats;
	}

	/** The members holding a seat of the group, longest-standing first. */
	List<Seat> seatsOf(long subscriptionId) {
		return jdbc.sql("""
				select member_id, joined_by, joined_at from billing.group_seat where subscription_id = :group
				order by joined_at, member_id
				""")
			.param("group", subscriptionId)
			.query((rs, row) -> new Seat(rs.getLong("member_id"), rs.getString("joined_by"),
					Timestamps.require(rs, "joined_at")))
			.list();
	}

	/** Gives the member a seat unless they hold one already (in any group). */
	boolean seat(long subscriptionId, long memberId, String joinedBy, Instant now) {
		entitlements.invalidate();
		return jdbc.sql("""
				insert into billing.group_seat (member_id, subscription_id, joined_by, joined_at)
				values (:member, :group, :joinedBy, :now)
				on conflict (member_id) do nothing
				""")
			.param("member", memberId)
			.param("group", subscriptionId)
			.param("joinedBy", joinedBy)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/** Takes the member's seat in the group away; false if they held none there. */
	boolean unseat(long subscriptionId, long memberId) {
		entitlements.invalidate();
		return jdbc.sql("delete from billing.group_seat where subscription_id = :group and member_id = :member")
			.param("group", subscriptionId)
			.param("member", memberId)
			.update() == 1;
	}

	/** Takes away the member's seat wherever they hold it (when they are forgotten). */
	void unseatEverywhere(long memberId) {
		entitlements.invalidate();
		jdbc.sql("delete from billing.group_seat where member_id = :member").param("member", memberId).update();
	}

	/** The group whose domain this is. */
	Optional<Long> groupOfDomain(String domain) {
		return jdbc.sql("select subscription_id from billing.group_domain where domain = :domain")
			.param("domain", domain)
			.query(Long.class)
			.optional();
	}

	List<String> domainsOf(long subscriptionId) {
		return jdbc.sql("select domain from billing.group_domain where subscription_id = :group order by domain")
			.param("group", subscriptionId)
			.query(String.class)
			.list();
	}

	/** Gives the domain to the group; false when a group has it already. */
	boolean addDomain(long subscriptionId, String domain, Instant now) {
		return jdbc.sql("""
				insert into billing.group_domain (domain, subscription_id, added_at) values (:domain, :group, :now)
				on conflict (domain) do nothing
				""")
			.param("domain", domain)
			.param("group", subscriptionId)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	boolean removeDomain(long subscriptionId, String domain) {
		return jdbc.sql("delete from billing.group_domain where subscription_id = :group and domain = :domain")
			.param("group", subscriptionId)
			.param("domain", domain)
			.update() == 1;
	}

	/** A reader's seat: who, how they joined, since when. */
	record Seat(long memberId, String joinedBy, Instant joinedAt) {
	}

}
