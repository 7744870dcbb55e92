package org.backstory.members;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When a member was last seen, and the milestones of their account for their staff page.
 * "Last seen" is kept as Ghost keeps {@code last_seen_at}: at most one write a UTC day
 * per member. This node remembers which members it has seen today, so a member's further
 * requests that day cost nothing; the first one runs an update that changes the row only
 * when it was last seen before today, so several nodes together still write once a day.
 */
@Service
public class MemberActivity {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Set<Long> seenToday = ConcurrentHashMap.newKeySet();

	private volatile LocalDate today = LocalDate.MIN;

	MemberActivity(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Notes that the member was seen now, writing only on their first visit of the day.
	 */
	public void seen(long memberId) {
		Instant now = clock.instant();
		LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (!day.equals(today)) {
			synchronized (this) {
				if (!day.equals(today)) {
					seenToday.clear();
					today = day;
				}
			}
		}
		if (seenToday.add(memberId)) {
			jdbc.sql("""
					update members.member set last_seen_at = :now
					where id = :member and (last_seen_at is null or last_seen_at < :dayStart)""")
				.param("now", Timestamp.from(now))
				.param("dayStart", Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
				.param("member", memberId)
				.update();
		}
	}

	/** The milestones of the member's account, if there is one. */
	public Optional<Milestones> milestones(long memberId) {
		return jdbc.sql("""
				select created_at, signup_article_id, email_verified_at, last_seen_at from members.member
				where id = :member""").param("member", memberId).query((rs, row) -> {
			long article = rs.getLong(2);
			return new Milestones(rs.getTimestamp(1).toInstant(), rs.wasNull() ? null : article,
					instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)));
		}).optional();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/**
	 * The milestones of a member's account.
	 *
	 * @param joinedAt when the account was made
	 * @param signupArticleId the article the member signed up from, if any
	 * @param verifiedAt when the address was last proven, or null while it is not
	 * @param lastSeenAt the first request of the last day they were seen on, or null
	 */
	public record Milestones(Instant joinedAt, @Nullable Long signupArticleId, @Nullable Instant verifiedAt,
			@Nullable Instant lastSeenAt) {
	}

}
