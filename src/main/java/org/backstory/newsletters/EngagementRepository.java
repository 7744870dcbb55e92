package org.backstory.newsletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What recipients did with their messages: opens, clicks, unsubscribes (complaints and
 * bounces are marked through {@link AddressMessageRepository}), and the counts staff see.
 * Each open and each click is one statement, so the pixel and the redirect stay cheap.
 */
@Repository
class EngagementRepository {

	private static final String STATS = """
			select s.id, s.article_id, n.name, s.storyline_id, s.status, s.started_at, s.tracked,
			       count(r.sent_at) as delivered,
			       count(*) filter (where r.status = 'bounced') as bounced,
			       count(r.complained_at) as complained,
			       count(r.unsubscribed_at) as unsubscribed,
			       count(r.opened_at) as opened,
			       count(r.clicked_at) as clicked
			from newsletters.send s
			join newsletters.newsletter n on n.id = s.newsletter_id
			left join newsletters.recipient r on r.send_id = s.id
			""";

	private final JdbcClient jdbc;

	EngagementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a tracked send's links, each at its position in the list. */
	void insertLinks(long sendId, List<String> urls) {
		if (urls.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into newsletters.send_link (send_id, position, url)
				select :send, position, url from unnest(:positions, :urls) as l(position, url)""")
			.param("send", sendId)
			.param("positions", IntStream.range(0, urls.size()).boxed().toArray(Integer[]::new))
			.param("urls", urls.toArray(String[]::new))
			.update();
	}

	/** A tracked send's links by position; empty for an untracked send. */
	List<String> links(long sendId) {
		return jdbc.sql("select url from newsletters.send_link where send_id = :send order by position")
			.param("send", sendId)
			.query(String.class)
			.list();
	}

	/** Counts an open of a delivered message, keeping the first time. */
	void recordOpen(long sendId, long memberId, Instant now) {
		jdbc.sql("""
				update newsletters.recipient set opened_at = coalesce(opened_at, :now), opens = opens + 1
				where send_id = :send and member_id = :member and sent_at is not null""")
			.param("send", sendId)
			.param("member", memberId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The target of the send's link at {@code position}, recording the member's click
	 * (which shows the message was opened too) while their message is on record; empty
	 * when the send has no such link.
	 */
	Optional<String> recordClick(long sendId, long memberId, int position, Instant now) {
		return jdbc.sql("""
				with link as (
				  select url from newsletters.send_link where send_id = :send and position = :position),
				message as (
				  update newsletters.recipient
				  set clicked_at = coalesce(clicked_at, :now), opened_at = coalesce(opened_at, :now)
				  where send_id = :send and member_id = :member and sent_at is not null
				    and exists (select 1 from link)
				  returning send_id),
				click as (
				  insert into newsletters.link_click (send_id, member_id, position, clicks, first_at, last_at)
				  select :send, :member, :position, 1, :now, :now from message
				  on conflict (send_id, member_id, position)
				  do update set clicks = link_click.clicks + 1, last_at = excluded.last_at)
				select url from link""")
			.param("send", sendId)
			.param("member", memberId)
			.param("position", position)
			.param("now", Timestamp.from(now))
			.query(String.class)
			.optional();
	}

	/** Records that the member unsubscribed through this send's link, once. */
	void markUnsubscribed(long sendId, long memberId, Instant now) {
		jdbc.sql("""
				update newsletters.recipient set unsubscribed_at = :now
				where send_id = :send and member_id = :member and unsubscribed_at is null""")
			.param("send", sendId)
			.param("member", memberId)
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<SendStats> ofSend(long sendId) {
		return jdbc.sql(STATS + " where s.id = :send group by s.id, n.name")
			.param("send", sendId)
			.query((rs, row) -> stats(rs))
			.optional();
	}

	List<SendStats> ofArticle(long articleId) {
		return jdbc.sql(STATS + " where s.article_id = :article group by s.id, n.name order by s.id")
			.param("article", articleId)
			.query((rs, row) -> stats(rs))
			.list();
	}

	/** The send's clicked links, most clicked by most recipients first. */
	List<LinkClicks> topLinks(long sendId, int limit) {
		return jdbc.sql("""
				select l.url, sum(c.clicks), count(*) from newsletters.send_link l
				join newsletters.link_click c on c.send_id = l.send_id and c.position = l.position
				where l.send_id = :send
				group by l.position, l.url
				order by count(*) desc, sum(c.clicks) desc, l.position
				limit :limit""")
			.param("send", sendId)
			.param("limit", limit)
			.query((rs, row) -> new LinkClicks(rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	/**
	 * A member's totals: delivered, delivered by tracked sends, opened, clicked, last
	 * opened.
	 */
	MemberEngagement ofMember(long memberId, List<MessageEngagement> recent) {
		return jdbc.sql("""
				select count(r.sent_at), count(r.sent_at) filter (where s.tracked), count(r.opened_at),
				       count(r.clicked_at), max(r.opened_at)
				from newsletters.recipient r join newsletters.send s on s.id = r.send_id
				where r.member_id = :member""")
			.param("member", memberId)
			.query((rs, row) -> new MemberEngagement(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
					instant(rs, 5), recent))
			.single();
	}

	/** A member's latest messages, newest first. */
	List<MessageEngagement> messagesOf(long memberId, int limit) {
		return jdbc.sql("""
				select r.send_id, s.article_id, n.name, e.subject, r.status, r.sent_at, s.tracked, r.opened_at,
				       r.clicked_at, r.complained_at is not null, r.unsubscribed_at is not null
				from newsletters.recipient r
				join newsletters.send s on s.id = r.send_id
				join newsletters.newsletter n on n.id = s.newsletter_id
				join newsletters.edition e on e.send_id = r.send_id and e.edition = r.edition
				where r.member_id = :member
				order by r.send_id desc
				limit :limit""")
			.param("member", memberId)
			.param("limit", limit)
			.query((rs, row) -> new MessageEngagement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs, 6), rs.getBoolean(7), instant(rs, 8), instant(rs, 9),
					rs.getBoolean(10), rs.getBoolean(11)))
			.list();
	}

	private static SendStats stats(ResultSet rs) throws SQLException {
		return new SendStats(rs.getLong("id"), rs.getLong("article_id"), rs.getString("name"),
				rs.getObject("storyline_id", Long.class), rs.getString("status"), instant(rs, 6),
				rs.getBoolean("tracked"), rs.getInt("delivered"), rs.getInt("bounced"), rs.getInt("complained"),
				rs.getInt("unsubscribed"), rs.getInt("opened"), rs.getInt("clicked"));
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
