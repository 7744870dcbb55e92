package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members' follows of storylines ({@code newsletters.storyline_follow}). */
@Repository
class FollowRepository {

	private final JdbcClient jdbc;

	FollowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the follow is new. */
	boolean follow(long memberId, long storylineId, Instant now) {
		return jdbc
			.sql("""
					insert into newsletters.storyline_follow (member_id, storyline_id, followed_at) values (:member, :storyline, :now)
					on conflict do nothing""")
			.param("member", memberId)
			.param("storyline", storylineId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Whether there was a follow to end. */
	boolean unfollow(long memberId, long storylineId) {
		return jdbc
			.sql("delete from newsletters.storyline_follow where member_id = :member and storyline_id = :storyline")
			.param("member", memberId)
			.param("storyline", storylineId)
			.update() == 1;
	}

	boolean follows(long memberId, long storylineId) {
		return jdbc
			.sql("""
					select exists (select 1 from newsletters.storyline_follow where member_id = :member and storyline_id = :storyline)""")
			.param("member", memberId)
			.param("storyline", storylineId)
			.query(Boolean.class)
			.single();
	}

	boolean anyFollowerOf(long storylineId) {
		return jdbc.sql("select exists (select 1 from newsletters.storyline_follow where storyline_id = :storyline)")
			.param("storyline", storylineId)
			.query(Boolean.class)
			.single();
	}

	/** The member's follows, latest first: storyline id and when. */
	Map<Long, Instant> followedBy(long memberId) {
		Map<Long, Instant> follows = new LinkedHashMap<>();
		jdbc.sql("""
				select storyline_id, followed_at from newsletters.storyline_follow where member_id = :member
				order by followed_at desc, storyline_id""").param("member", memberId).query(rs -> {
			follows.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
		});
		return follows;
	}

	/**
	 * Up to {@code limit} followers of the storyline with ids above {@code after}, in id
	 * order.
	 */
	List<Long> followersOf(long storylineId, long after, int limit) {
		return jdbc
			.sql("""
					select member_id from newsletters.storyline_follow where storyline_id = :storyline and member_id > :after
					order by member_id limit :limit""")
			.param("storyline", storylineId)
			.param("after", after)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	Map<Long, Long> counts() {
		Map<Long, Long> counts = new HashMap<>();
		jdbc.sql("select storyline_id, count(*) from newsletters.storyline_follow group by storyline_id").query(rs -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		return counts;
	}

	/**
	 * Moves a merged storyline's followers to the storyline it went into (a member
	 * following both keeps one).
	 */
	void move(long fromId, long intoId) {
		jdbc.sql("""
				insert into newsletters.storyline_follow (member_id, storyline_id, followed_at)
				select member_id, :into, followed_at from newsletters.storyline_follow where storyline_id = :from
				on conflict do nothing""").param("from", fromId).param("into", intoId).update();
		jdbc.sql("delete from newsletters.storyline_follow where storyline_id = :from").param("from", fromId).update();
	}

	void deleteMember(long memberId) {
		jdbc.sql("delete from newsletters.storyline_follow where member_id = :member")
			.param("member", memberId)
			.update();
	}

}
