package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which members get which newsletters. */
@Repository
class OptInRepository {

	private final JdbcClient jdbc;

	OptInRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Long> newslettersOf(long memberId) {
		return jdbc.sql("select newsletter_id from newsletters.opt_in where member_id = :member order by newsletter_id")
			.param("member", memberId)
			.query(Long.class)
			.list();
	}

	/**
	 * Whether the member was not already opted in. Each statement that changes opt-ins
	 * also writes what it changed to {@code opt_in_change}, so the history cannot miss a
	 * change.
	 */
	boolean add(long memberId, long newsletterId, Instant now) {
		return jdbc.sql("""
				with added as (
				    insert into newsletters.opt_in (newsletter_id, member_id, created_at)
				    select id, :member, :now from newsletters.newsletter where id = :newsletter
				    on conflict do nothing returning newsletter_id, member_id)
				insert into newsletters.opt_in_change (member_id, newsletter_id, opted_in, occurred_at)
				select member_id, newsletter_id, true, :now from added""")
			.param("member", memberId)
			.param("newsletter", newsletterId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Whether the member was opted in. */
	boolean remove(long memberId, long newsletterId, Instant now) {
		return jdbc.sql("""
				with removed as (
				    delete from newsletters.opt_in where member_id = :member and newsletter_id = :newsletter
				    returning newsletter_id, member_id)
				insert into newsletters.opt_in_change (member_id, newsletter_id, opted_in, occurred_at)
				select member_id, newsletter_id, false, :now from removed""")
			.param("member", memberId)
			.param("newsletter", newsletterId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void removeAllExcept(long memberId, Collection<Long> kept, Instant now) {
		jdbc.sql("""
				with removed as (
				    delete from newsletters.opt_in where member_id = :member and not (newsletter_id = any(:kept))
				    returning newsletter_id, member_id)
				insert into newsletters.opt_in_change (member_id, newsletter_id, opted_in, occurred_at)
				select member_id, newsletter_id, false, :now from removed""")
			.param("member", memberId)
			.param("kept", kept.toArray(Long[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Forgets the member: their opt-ins and the history of them. */
	void removeAll(long memberId) {
		jdbc.sql("delete from newsletters.opt_in where member_id = :member").param("member", memberId).update();
		jdbc.sql("delete from newsletters.opt_in_change where member_id = :member").param("member", memberId).update();
	}

	/** The member's latest opt-in changes, newest first, at most {@code limit}. */
	List<OptInChange> changesOf(long memberId, int limit) {
		return jdbc.sql("""
				select c.newsletter_id, n.name, c.opted_in, c.occurred_at
				from newsletters.opt_in_change c join newsletters.newsletter n on n.id = c.newsletter_id
				where c.member_id = :member order by c.occurred_at desc, c.id desc limit :limit""")
			.param("member", memberId)
			.param("limit", limit)
			.query((rs, row) -> new OptInChange(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Members of the newsletter with an id above {@code after}, in id order, at most
	 * {@code limit}.
	 */
	List<Long> membersOf(long newsletterId, long after, int limit) {
		return jdbc.sql("""
				select member_id from newsletters.opt_in where newsletter_id = :newsletter and member_id > :after
				order by member_id limit :limit""")
			.param("newsletter", newsletterId)
			.param("after", after)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	Map<Long, Long> counts() {
		return jdbc.sql("select newsletter_id, count(*) from newsletters.opt_in group by newsletter_id")
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Opts many members into one newsletter in one statement (seeding, benchmarks); how
	 * many were new.
	 */
	int addAll(long newsletterId, Collection<Long> memberIds, Instant now) {
		return jdbc.sql("""
				with added as (
				    insert into newsletters.opt_in (newsletter_id, member_id, created_at)
				    select :newsletter, member, :now from unnest(:members) as member
				    on conflict do nothing returning newsletter_id, member_id)
				insert into newsletters.opt_in_change (member_id, newsletter_id, opted_in, occurred_at)
				select member_id, newsletter_id, true, :now from added""")
			.param("newsletter", newsletterId)
			.param("members", memberIds.toArray(Long[]::new))
			.param("now", Timestamp.from(now))
			.update();
	}

	List<Long> membersOf(long newsletterId, int limit) {
		return jdbc.sql("select member_id from newsletters.opt_in where newsletter_id = :newsletter limit :limit")
			.param("newsletter", newsletterId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	Set<Long> membersAmong(long newsletterId, Collection<Long> candidates) {
		return new HashSet<>(jdbc
			.sql("""
					select member_id from newsletters.opt_in where newsletter_id = :newsletter and member_id = any(:members)""")
			.param("newsletter", newsletterId)
			.param("members", candidates.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	Map<Long, Set<Long>> newslettersOfAll(Collection<Long> memberIds) {
		Map<Long, Set<Long>> newsletters = new HashMap<>();
		if (memberIds.isEmpty()) {
			return newsletters;
		}
		jdbc.sql("select member_id, newsletter_id from newsletters.opt_in where member_id = any(:members)")
			.param("members", memberIds.toArray(Long[]::new))
			.query(rs -> {
				newsletters.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>()).add(rs.getLong(2));
			});
		return newsletters;
	}

}
