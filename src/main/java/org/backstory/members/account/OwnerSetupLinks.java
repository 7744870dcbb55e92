package org.backstory.members.account;

import java.sql.Timestamp;
import java.time.Instant;

import org.backstory.members.account.TokenCheck.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The setup link's table: at most one row, since issuing a link replaces any other. Only
 * the SHA-256 of the token is stored ({@link OneTimeTokens#hash}); the caller checks that
 * tokens are well formed.
 */
@Repository
class OwnerSetupLinks {

	private final JdbcClient jdbc;

	OwnerSetupLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for the other transactions setting up the owner, on any node, to end; held to
	 * this one's end.
	 */
	void lock() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('backstory-owner-setup'))").query((rs, row) -> 1).list();
	}

	/**
	 * Stores a new link, valid until {@code expires}, in place of any earlier one;
	 * returns its raw token.
	 */
	String issue(Instant now, Instant expires) {
		deleteAll();
		String token = OneTimeTokens.newToken();
		jdbc.sql("""
				insert into members.owner_setup_link (token_hash, created_at, expires_at)
				values (:hash, :now, :expires)""")
			.param("hash", OneTimeTokens.hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		return token;
	}

	State check(String token, Instant now) {
		return jdbc.sql("select expires_at, used_at from members.owner_setup_link where token_hash = :hash")
			.param("hash", OneTimeTokens.hash(token))
			.query((rs, row) -> {
				if (rs.getTimestamp("used_at") != null) {
					return State.USED;
				}
				return rs.getTimestamp("expires_at").toInstant().isAfter(now) ? State.VALID : State.EXPIRED;
			})
			.optional()
			.orElse(State.UNKNOWN);
	}

	/** Uses the link up if it still works, atomically; returns whether it did. */
	boolean consume(String token, Instant now) {
		return jdbc.sql("""
				update members.owner_setup_link set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now""")
			.param("hash", OneTimeTokens.hash(token))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void deleteAll() {
		jdbc.sql("delete from members.owner_setup_link").update();
	}

}
