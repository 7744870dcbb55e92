package org.backstory.members.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests to change an address, one open request per member. Tokens are looked up by
 * their SHA-256.
 */
@Repository
class EmailChangeRepository {

	private final JdbcClient jdbc;

	EmailChangeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a request in place of the member's open one; returns its raw token. */
	String request(long memberId, String newEmail, Instant now, Instant expires) {
		jdbc.sql("delete from members.email_change where member_id = :member and used_at is null")
			.param("member", memberId)
			.update();
		String token = OneTimeTokens.newToken();
		jdbc.sql("""
				insert into members.email_change (token_hash, member_id, new_email, created_at, expires_at)
				values (:hash, :member, :email, :now, :expires)""")
			.param("hash", OneTimeTokens.hash(token))
			.param("member", memberId)
			.param("email", newEmail)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		return token;
	}

	/** What the token is, without using it up. */
	Optional<EmailChange> find(String token, Instant now) {
		return jdbc
			.sql("select member_id, new_email, expires_at, used_at from members.email_change where token_hash = :hash")
			.param("hash", OneTimeTokens.hash(token))
			.query((rs, row) -> new EmailChange(rs.getLong("member_id"), rs.getString("new_email"),
					rs.getTimestamp("used_at") != null ? TokenCheck.State.USED
							: rs.getTimestamp("expires_at").toInstant().isAfter(now) ? TokenCheck.State.VALID
									: TokenCheck.State.EXPIRED))
			.optional();
	}

	/** Uses the request up if it still works, atomically. */
	Optional<EmailChange> consume(String token, Instant now) {
		return jdbc.sql("""
				update members.email_change set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now
				returning member_id, new_email""")
			.param("hash", OneTimeTokens.hash(token))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new EmailChange(rs.getLong("member_id"), rs.getString("new_email"),
					TokenCheck.State.VALID))
			.optional();
	}

	/** Deletes requests that expired before {@code cutoff}. */
	int purgeExpired(Instant cutoff) {
		return jdbc.sql("delete from members.email_change where expires_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

}
