package org.backstory.site;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backstory.members.MemberDeleted;
import org.backstory.publishing.ArticleDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which articles each signed-in member has read, first and last: the member's own data
 * (shown, removable, deleted with the account). Anonymous readers leave no trace here. A
 * read is one upsert on the article page.
 */
@Component
class ReadingHistory {

	/** The most entries {@code /account/reading} lists, newest first. */
	static final int SHOWN = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReadingHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that the member read the article now: the first read stays, the last read
	 * moves (to the second: the catch-ups count what is new since it).
	 * <p>
	 * The write commits without waiting for its WAL to reach the disk
	 * ({@code synchronous_commit = off} for this transaction only; the statement runs on
	 * its own in auto-commit): a reading page should not wait for a flush, and a server
	 * crash can lose at most the last fraction of a second of reads, never money or mail,
	 * which keep the server's durable default.
	 */
	void record(long memberId, long articleId) {
		jdbc.sql("""
				insert into site.reading_history (member_id, article_id, first_read_at, last_read_at)
				select :member, :article, :at, :at
				from (select set_config('synchronous_commit', 'off', true)) relaxed
				on conflict (member_id, article_id) do update set last_read_at = excluded.last_read_at
				""")
			.param("member", memberId)
			.param("article", articleId)
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

	/**
	 * When the member last read each of these articles; articles never read are absent.
	 */
	Map<Long, Instant> lastReads(long memberId, Collection<Long> articleIds) {
		Map<Long, Instant> reads = new HashMap<>();
		if (articleIds.isEmpty()) {
			return reads;
		}
		jdbc.sql("""
				select article_id, last_read_at from site.reading_history
				where member_id = :member and article_id in (:articles)
				""")
			.param("member", memberId)
			.param("articles", articleIds)
			.query((rs, row) -> reads.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.list();
		return reads;
	}

	/** The member's reads, last read first, at most {@value #SHOWN}. */
	List<Read> recent(long memberId) {
		return jdbc.sql("""
				select article_id, first_read_at, last_read_at from site.reading_history
				where member_id = :member order by last_read_at desc, article_id desc limit :limit
				""")
			.param("member", memberId)
			.param("limit", SHOWN)
			.query((rs, row) -> new Read(rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
			.list();
	}

	/** Forgets one read; false when there was none. */
	boolean remove(long memberId, long articleId) {
		return jdbc.sql("delete from site.reading_history where member_id = :member and article_id = :article")
			.param("member", memberId)
			.param("article", articleId)
			.update() > 0;
	}

	/** Forgets every read of the member. */
	void clear(long memberId) {
		jdbc.sql("delete from site.reading_history where member_id = :member").param("member", memberId).update();
	}

	/** A deleted account's history goes with it, in the deleting transaction. */
	@EventListener
	void on(MemberDeleted event) {
		clear(event.memberId());
	}

	/** A deleted article leaves nobody's history pointing at nothing. */
	@EventListener
	void on(ArticleDeleted event) {
		jdbc.sql("delete from site.reading_history where article_id = :article")
			.param("article", event.articleId())
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}

	/** One article in a member's history. */
	record Read(long articleId, Instant firstRead, Instant lastRead) {
	}

}
