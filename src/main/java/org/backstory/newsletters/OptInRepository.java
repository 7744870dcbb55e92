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

	/** Whether the member was not already opted in. */
	boolean add(long memberId, long newsletterId, Instant now) {
		return jdbc.sql("""
				insert into newsletters.opt_in (newsletter_id, member_id, created_at)
				select id, :member, :now from newsletters.newsletter where id = :newsletter
				on conflict do nothing""")
			.param("member", memberId)
			.param("newsletter", newsletterId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Whether the member was opted in. */
	boolean remove(long memberId, long newsletterId) {
		return jdbc.sql("delete from newsletters.opt_in where member_id = :member and newsletter_id = :newsletter")
			.param("member", memberId)
			.param("newsletter", newsletterId)
			.update() == 1;
	}

	void removeAllExcept(long memberId, Collection<Long> kept) {
		jdbc.sql("delete from newsletters.opt_in where member_id = :member and not (newsletter_id = any(:kept))")
			.param("member", memberId)
			.param("kept", kept.toArray(Long[]::new))
			.update();
	}

	void removeAll(long memberId) {
		jdbc.sql("delete from newsletters.opt_in where member_id = :member").param("member", memberId).update();
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
				insert into newsletters.opt_in (newsletter_id, member_id, created_at)
				select :newsletter, member, :now from unnest(:members) as member
				on conflict do nothing""")
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
