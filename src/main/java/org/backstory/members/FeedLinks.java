package org.backstory.members;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.backstory.members.account.OneTimeTokens;
import org.backstory.shared.SecretSeal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each member's private feed token (issue 13): the secret in their private feed address.
 * A feed reader cannot sign in, so the address itself is the credential; it is random
 * (256 bits), looked up by its SHA-256, and kept sealed ({@link SecretSeal}) only so the
 * account page can show the same address again. Resetting replaces it: the old address
 * stops working at once.
 */
@Service
public class FeedLinks {

	private final JdbcClient jdbc;

	private final SecretSeal seal;

	private final Clock clock;

	FeedLinks(JdbcClient jdbc, SecretSeal seal, Clock clock) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.clock = clock;
	}

	/**
	 * The member's feed token, made on first asking (or again if it can no longer be
	 * unsealed).
	 */
	public String tokenOf(long memberId) {
		Optional<String> known = stored(memberId);
		if (known.isPresent()) {
			return known.get();
		}
		String token = OneTimeTokens.newToken();
		// Two first views at once: the first insert wins and both show its token.
		jdbc.sql("""
				insert into members.feed_token (token_hash, member_id, token_sealed, created_at)
				values (:hash, :member, :sealed, :now) on conflict (member_id) do nothing""")
			.param("hash", OneTimeTokens.hash(token))
			.param("member", memberId)
			.param("sealed", seal.seal(context(memberId), token.getBytes(StandardCharsets.US_ASCII)))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return stored(memberId).orElseGet(() -> reset(memberId));
	}

	/**
	 * Replaces the member's feed token with a new one; the old one stops working at once.
	 */
	public String reset(long memberId) {
		String token = OneTimeTokens.newToken();
		jdbc.sql("""
				insert into members.feed_token (token_hash, member_id, token_sealed, created_at)
				values (:hash, :member, :sealed, :now)
				on conflict (member_id) do update set token_hash = excluded.token_hash,
				  token_sealed = excluded.token_sealed, created_at = excluded.created_at""")
			.param("hash", OneTimeTokens.hash(token))
			.param("member", memberId)
			.param("sealed", seal.seal(context(memberId), token.getBytes(StandardCharsets.US_ASCII)))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return token;
	}

	/**
	 * Whose feed {@code token} opens, with their role as it is now: one primary-key
	 * lookup. Empty for a token no member holds (reset, deleted with its member, never
	 * issued, or not even shaped like one).
	 */
	public Optional<FeedOwner> ownerOf(@Nullable String token) {
		if (!OneTimeTokens.wellFormed(token)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select f.member_id, m.role from members.feed_token f join members.member m on m.id = f.member_id
				where f.token_hash = :hash""")
			.param("hash", OneTimeTokens.hash(token))
			.query((rs, row) -> new FeedOwner(rs.getLong("member_id"), MemberRole.valueOf(rs.getString("role"))))
			.optional();
	}

	private Optional<String> stored(long memberId) {
		return jdbc.sql("select token_sealed from members.feed_token where member_id = :member")
			.param("member", memberId)
			.query(byte[].class)
			.optional()
			.flatMap(sealed -> seal.open(context(memberId), sealed))
			.map(token -> new String(token, StandardCharsets.US_ASCII));
	}

	/**
	 * Binds a sealed token to its member's row, so a sealed value copied to another
	 * member does not open.
	 */
	private static String context(long memberId) {
		return "members.feed_token:" + memberId;
	}

	/**
	 * The member a private feed belongs to.
	 *
	 * @param memberId the member's id
	 * @param role their role now, which the access policy reads with their entitlement
	 */
	public record FeedOwner(long memberId, MemberRole role) {
	}

}
