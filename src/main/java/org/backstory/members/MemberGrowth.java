package org.backstory.members;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the readership grew, for the dashboard: readers (role {@link MemberRole#MEMBER},
 * staff left out) counted by the day they signed up, and sign-ups by the article the
 * reader was on. Deleted accounts are gone from these counts: their rows no longer exist.
 * Days are UTC days.
 */
@Service
public class MemberGrowth {

	private final JdbcClient jdbc;

	MemberGrowth(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Readers whose accounts were created before {@code at} and still exist. */
	public long readersBefore(Instant at) {
		return jdbc.sql("select count(*) from members.member where role = 'MEMBER' and created_at < :at")
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/**
	 * Readers who signed up in {@code [from, to)}, and how many of them are among
	 * {@code ids} (for the dashboard's free-to-paid conversion: the ids billing says
	 * became paid).
	 */
	public SignupsAmong signupsAmong(Instant from, Instant to, Set<Long> ids) {
		return jdbc.sql("""
				select count(*), count(*) filter (where id = any(:ids)) from members.member
				where role = 'MEMBER' and created_at >= :from and created_at < :to
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("ids", ids.stream().mapToLong(Long::longValue).toArray())
			.query((rs, row) -> new SignupsAmong(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/**
	 * Sign-ups per UTC day in {@code [from, to)}, days without any left out, in day
	 * order.
	 */
	public List<DayCount> signupsPerDay(Instant from, Instant to) {
		return jdbc.sql("""
				select (created_at at time zone 'UTC')::date as day, count(*) from members.member
				where role = 'MEMBER' and created_at >= :from and created_at < :to
				group by day order by day
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
	}

	/**
	 * The articles most sign-ups in {@code [from, to)} came from, most first, at most
	 * {@code limit}.
	 */
	public List<ArticleCount> signupsByArticle(Instant from, Instant to, int limit) {
		return jdbc.sql("""
				select signup_article_id, count(*) as signups from members.member
				where created_at >= :from and created_at < :to and signup_article_id is not null
				group by signup_article_id order by signups desc, signup_article_id limit :limit
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", limit)
			.query((rs, row) -> new ArticleCount(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/**
	 * The members who signed up from this article (any time; deleted accounts are gone),
	 * and how many of them have proven their address.
	 */
	public ArticleSignups signupsFrom(long articleId) {
		return jdbc.sql("""
				select count(*), count(email_verified_at) from members.member where signup_article_id = :article""")
			.param("article", articleId)
			.query((rs, row) -> new ArticleSignups(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** The sign-ups an article brought, and how many of them confirmed their address. */
	public record ArticleSignups(long signups, long verified) {
	}

	/** A number of sign-ups on one UTC day. */
	public record DayCount(LocalDate day, long count) {
	}

	/** A number of sign-ups from one article. */
	public record ArticleCount(long articleId, long count) {
	}

	/**
	 * Sign-ups in a range and how many of them were among given members.
	 *
	 * @param signups readers who signed up
	 * @param among those of them among the given members
	 */
	public record SignupsAmong(long signups, long among) {
	}

}
