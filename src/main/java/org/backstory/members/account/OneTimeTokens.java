package org.backstory.members.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, short-lived tokens for emailed links. The raw token goes into the mail;
 * only its SHA-256 is stored. Issuing a token replaces the member's unused tokens of the
 * same purpose.
 */
@Component
public class OneTimeTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	OneTimeTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new raw token for {@code memberId}, valid for the purpose's lifetime. */
	String issue(long memberId, TokenPurpose purpose) {
		return issue(memberId, purpose, purpose.lifetime());
	}

	/**
	 * A new raw token for {@code memberId}, valid for {@code lifetime} rather than the
	 * purpose's usual one.
	 */
	String issue(long memberId, TokenPurpose purpose, Duration lifetime) {
		String token = newToken();
		Instant now = clock.instant();
		jdbc.sql(
				"delete from members.one_time_token where member_id = :member and purpose = :purpose and used_at is null")
			.param("member", memberId)
			.param("purpose", purpose.name())
			.update();
		jdbc.sql("""
				insert into members.one_time_token (token_hash, member_id, purpose, created_at, expires_at)
				values (:hash, :member, :purpose, :now, :expires)""")
			.param("hash", hash(token))
			.param("member", memberId)
			.param("purpose", purpose.name())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(lifetime)))
			.update();
		return token;
	}

	/** What {@code token} is, without using it up. */
	TokenCheck check(@Nullable String token, TokenPurpose purpose) {
		if (!wellFormed(token)) {
			return TokenCheck.unknown();
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				select member_id, expires_at, used_at from members.one_time_token
				where token_hash = :hash and purpose = :purpose""")
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.query((rs, row) -> {
				long member = rs.getLong("member_id");
				if (rs.getTimestamp("used_at") != null) {
					return new TokenCheck(TokenCheck.State.USED, member);
				}
				boolean expired = !rs.getTimestamp("expires_at").toInstant().isAfter(now);
				return new TokenCheck(expired ? TokenCheck.State.EXPIRED : TokenCheck.State.VALID, member);
			})
			.optional()
			.orElse(TokenCheck.unknown());
	}

	/** Uses the token up if it is valid, atomically; returns its member. */
	Optional<Long> consume(@Nullable String token, TokenPurpose purpose) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				update members.one_time_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning member_id""")
			.param("hash", hash(token))
			.param("purpose", purpose.name())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/** Whether the member has a token of this purpose that still works. */
	boolean hasLive(long memberId, TokenPurpose purpose) {
		return jdbc
			.sql("""
					select exists (select 1 from members.one_time_token
					               where member_id = :member and purpose = :purpose and used_at is null and expires_at > :now)""")
			.param("member", memberId)
			.param("purpose", purpose.name())
			.param("now", Timestamp.from(clock.instant()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Deletes the member's unused tokens of every purpose: links mailed to an address
	 * they no longer have.
	 */
	void discardUnused(long memberId) {
		jdbc.sql("delete from members.one_time_token where member_id = :member and used_at is null")
			.param("member", memberId)
			.update();
	}

	/**
	 * Deletes tokens that expired over a week ago; until then a late click still gets a
	 * precise message.
	 */
	int purgeExpired() {
		return jdbc.sql("delete from members.one_time_token where expires_at < :cutoff")
			.param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(7))))
			.update();
	}

	/**
	 * A fresh random token: 32 bytes, URL-safe Base64 without padding (43 characters).
	 */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether {@code token} has the shape {@link #newToken} gives, so a malformed one
	 * costs no query.
	 */
	public static boolean wellFormed(@Nullable String token) {
		return token != null && token.length() == 43
				&& token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

	/**
	 * The SHA-256 a token is stored and looked up by: it has 256 random bits, so no salt
	 * or slow hash is needed.
	 */
	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
