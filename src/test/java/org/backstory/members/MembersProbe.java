package org.backstory.members;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side reader of the members module's tables, for other modules' tests: they read
 * what a member's row holds, count members, and seed many members at once through it
 * instead of running SQL on {@code members.*}. It may run SQL on members' own tables: it
 * is members' test code.
 */
public final class MembersProbe {

	private MembersProbe() {
	}

	/** How many members there are, staff included. */
	public static long memberCount(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from members.member").query(Long.class).single();
	}

	/** How many members have an address {@code like} the pattern. */
	public static long membersWithEmailLike(JdbcClient jdbc, String pattern) {
		return jdbc.sql("select count(*) from members.member where email like :pattern")
			.param("pattern", pattern)
			.query(Long.class)
			.single();
	}

	/** The ids of the members with an address {@code like} the pattern. */
	public static List<Long> idsWithEmailLike(JdbcClient jdbc, String pattern) {
		return jdbc.sql("select id from members.member where email like :pattern")
			.param("pattern", pattern)
			.query(Long.class)
			.list();
	}

	/**
	 * The article the member with address {@code email} signed up from, if any; fails the
	 * test when there is no such member.
	 */
	public static Optional<Long> signupArticleOf(JdbcClient jdbc, String email) {
		return jdbc.sql("select signup_article_id from members.member where email = :email")
			.param("email", email)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
			.single();
	}

	/** When the member was last seen, as stored; empty while never. */
	public static Optional<Instant> lastSeenOf(JdbcClient jdbc, long memberId) {
		return jdbc.sql("select last_seen_at from members.member where id = :member")
			.param("member", memberId)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/** The staff note on a member. */
	public static String noteOf(JdbcClient jdbc, long memberId) {
		return jdbc.sql("select note from members.member where id = ?").param(memberId).query(String.class).single();
	}

	/** The labels on a member. */
	public static List<String> labelsOf(JdbcClient jdbc, long memberId) {
		return jdbc.sql("select name from members.label where member_id = ?")
			.param(memberId)
			.query(String.class)
			.list();
	}

	/** How many members carry the label {@code name}. */
	public static long membersLabelled(JdbcClient jdbc, String name) {
		return jdbc.sql("select count(*) from members.label where name = :label")
			.param("label", name)
			.query(Long.class)
			.single();
	}

	/**
	 * The stored, sealed form of a private feed token, looked up by its hash as the app
	 * does.
	 */
	public static byte[] sealedFeedToken(JdbcClient jdbc, String token) {
		return jdbc.sql("select token_sealed from members.feed_token where token_hash = :hash")
			.param("hash", sha256(token))
			.query(byte[].class)
			.single();
	}

	/**
	 * Gives a member an address without the checks the app makes, as an import made
	 * before validation existed would have.
	 */
	public static void setEmailUnchecked(JdbcClient jdbc, long memberId, String email) {
		jdbc.sql("update members.member set email = ? where id = ?").params(email, memberId).update();
	}

	/**
	 * Writes {@code count} verified free members with ids {@code first ..
	 * first + count - 1} straight into the table, for tests and benchmarks at scale.
	 * Addresses are {@code <prefix><id>@<domain>}, names {@code Reader <id>}.
	 */
	public static void seed(JdbcClient jdbc, long first, int count, String prefix, String domain, Instant now) {
		jdbc.sql("""
				insert into members.member (id, email, name, role, email_verified_at, created_at, updated_at)
				overriding system value
				select m, :prefix || m || '@' || :domain, 'Reader ' || m, 'MEMBER', :now, :now, :now
				from generate_series(:first, :first + :count - 1) m
				""")
			.param("first", first)
			.param("count", count)
			.param("prefix", prefix)
			.param("domain", domain)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
