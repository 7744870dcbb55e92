package org.backstory.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The gift link rows and the browsers each link has opened its article on. */
@Repository
class GiftLinkRepository {

	private final JdbcClient jdbc;

	GiftLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A giver's link for one article in one month. */
	record GivenLink(long id, byte[] sealedToken, Instant expiresAt) {
	}

	/** A link as a reader's token finds it. */
	record FoundLink(long id, long giverId, long articleId, Instant expiresAt) {
	}

	/**
	 * Holds the giver's gifting until the transaction ends, so two clicks can't overrun
	 * the allowance.
	 */
	void lockGiver(long giverId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('gift_link'), :giver)")
			.param("giver", (int) giverId)
			.query((rs, row) -> 1)
			.list();
	}

	Optional<GivenLink> given(long giverId, long articleId, LocalDate month) {
		return jdbc.sql("""
				select id, token_sealed, expires_at from access.gift_link
				where giver_id = :giver and article_id = :article and month = :month""")
			.param("giver", giverId)
			.param("article", articleId)
			.param("month", month)
			.query((rs, row) -> new GivenLink(rs.getLong("id"), rs.getBytes("token_sealed"),
					Timestamps.require(rs, "expires_at")))
			.optional();
	}

	/**
	 * What the article page's gift box shows, in one query on that hot path: the giver's
	 * link for this article this month, if any, and how many links they made in the
	 * month.
	 */
	GiverMonth giverMonth(long giverId, long articleId, LocalDate month) {
		return jdbc.sql("""
				select (select count(*) from access.gift_link where giver_id = :giver and month = :month) as given,
				       l.id, l.token_sealed, l.expires_at
				from (select 1) one
				left join access.gift_link l on l.giver_id = :giver and l.article_id = :article and l.month = :month""")
			.param("giver", giverId)
			.param("article", articleId)
			.param("month", month)
			.query((rs, row) -> new GiverMonth(rs.getInt("given"),
					rs.getBytes("token_sealed") == null ? Optional.empty()
							: Optional.of(new GivenLink(rs.getLong("id"), rs.getBytes("token_sealed"),
									Timestamps.require(rs, "expires_at")))))
			.single();
	}

	/** A giver's month: the links they made, and their link for one article. */
	record GiverMonth(int given, Optional<GivenLink> link) {
	}

	/** How many links the giver made in the month. */
	int countGiven(long giverId, LocalDate month) {
		return jdbc.sql("select count(*) from access.gift_link where giver_id = :giver and month = :month")
			.param("giver", giverId)
			.param("month", month)
			.query(Integer.class)
			.single();
	}

	void insert(byte[] tokenHash, byte[] sealedToken, long giverId, long articleId, LocalDate month, Instant now,
			Instant expiresAt) {
		jdbc.sql(
				"""
						insert into access.gift_link (token_hash, token_sealed, giver_id, article_id, month, created_at, expires_at)
						values (:hash, :sealed, :giver, :article, :month, :now, :expires)""")
			.param("hash", tokenHash)
			.param("sealed", sealedToken)
			.param("giver", giverId)
			.param("article", articleId)
			.param("month", month)
			.param("now", Timestamps.of(now))
			.param("expires", Timestamps.of(expiresAt))
			.update();
	}

	void extend(long id, Instant expiresAt) {
		jdbc.sql("update access.gift_link set expires_at = greatest(expires_at, :expires) where id = :id")
			.param("expires", Timestamps.of(expiresAt))
			.param("id", id)
			.update();
	}

	void replaceToken(long id, byte[] tokenHash, byte[] sealedToken) {
		jdbc.sql("update access.gift_link set token_hash = :hash, token_sealed = :sealed where id = :id")
			.param("hash", tokenHash)
			.param("sealed", sealedToken)
			.param("id", id)
			.update();
	}

	/** The link with this token hash, locked until the transaction ends. */
	Optional<FoundLink> lockByHash(byte[] tokenHash) {
		return jdbc.sql("""
				select id, giver_id, article_id, expires_at from access.gift_link
				where token_hash = :hash for update""")
			.param("hash", tokenHash)
			.query((rs, row) -> new FoundLink(rs.getLong("id"), rs.getLong("giver_id"), rs.getLong("article_id"),
					Timestamps.require(rs, "expires_at")))
			.optional();
	}

	boolean opened(long linkId, byte[] browserId) {
		return jdbc.sql(
				"select exists (select 1 from access.gift_link_browser where gift_link_id = :link and browser_id = :browser)")
			.param("link", linkId)
			.param("browser", browserId)
			.query(Boolean.class)
			.single();
	}

	int browsers(long linkId) {
		return jdbc.sql("select count(*) from access.gift_link_browser where gift_link_id = :link")
			.param("link", linkId)
			.query(Integer.class)
			.single();
	}

	void recordBrowser(long linkId, byte[] browserId, Instant now) {
		jdbc.sql(
				"""
						insert into access.gift_link_browser (gift_link_id, browser_id, first_seen) values (:link, :browser, :now)
						on conflict do nothing""")
			.param("link", linkId)
			.param("browser", browserId)
			.param("now", Timestamps.of(now))
			.update();
	}

	/** A deleted member's gift links go with them (and their browsers, by cascade). */
	void deleteGiven(long giverId) {
		jdbc.sql("delete from access.gift_link where giver_id = :giver").param("giver", giverId).update();
	}

	/**
	 * The links made for one article (one per giver and month), how many members made
	 * them, and the distinct browsers they opened it on.
	 */
	ReadingActivity.GiftLinkCount ofArticle(long articleId) {
		return jdbc.sql("""
				select count(*), count(distinct giver_id),
				       coalesce(sum((select count(*) from access.gift_link_browser b where b.gift_link_id = l.id)), 0)
				from access.gift_link l where article_id = :article""")
			.param("article", articleId)
			.query((rs, row) -> new ReadingActivity.GiftLinkCount(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/** The member's gift links, newest first, at most {@code limit}. */
	List<ReadingActivity.GivenLink> givenBy(long giverId, int limit) {
		return jdbc.sql("""
				select l.article_id, l.created_at,
				       (select count(*) from access.gift_link_browser b where b.gift_link_id = l.id)
				from access.gift_link l where giver_id = :giver order by l.created_at desc, l.id desc limit :limit""")
			.param("giver", giverId)
			.param("limit", limit)
			.query((rs, row) -> new ReadingActivity.GivenLink(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					rs.getLong(3)))
			.list();
	}

}
