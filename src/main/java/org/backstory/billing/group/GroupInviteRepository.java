package org.backstory.billing.group;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Emailed invitations to a group's seats; only the SHA-256 of each token is stored. An
 * open invitation (neither accepted, revoked nor expired) holds a seat.
 */
@Repository
class GroupInviteRepository {

	private static final String OPEN = "accepted_at is null and revoked_at is null and expires_at > :now";

	private final JdbcClient jdbc;

	GroupInviteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an invitation; false when the address has an open one to this group. */
	boolean insert(long subscriptionId, String email, byte[] tokenHash, Instant now, Instant expiresAt) {
		jdbc.sql("""
				update billing.group_invite set revoked_at = :now
				where subscription_id = :group and lower(email) = lower(:email) and accepted_at is null
				  and revoked_at is null and expires_at <= :now
				""").param("group", subscriptionId).param("email", email).param("now", Timestamps.of(now)).update();
		return jdbc.sql("""
				insert into billing.group_invite (subscription_id, email, token_hash, created_at, expires_at)
				values (:group, :email, :hash, :now, :expires)
				on conflict do nothing
				""")
			.param("group", subscriptionId)
			.param("email", email)
			.param("hash", tokenHash)
			.param("now", Timestamps.of(now))
			.param("expires", Timestamps.of(expiresAt))
			.update() == 1;
	}

	/** The group's open invitations, oldest first. */
	List<Invite> openOf(long subscriptionId, Instant now) {
		return jdbc.sql(
				"select id, subscription_id, email, expires_at from billing.group_invite where subscription_id = :group and "
						+ OPEN + " order by created_at, id")
			.param("group", subscriptionId)
			.param("now", Timestamps.of(now))
			.query((rs, row) -> new Invite(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("email"),
					Timestamps.require(rs, "expires_at")))
			.list();
	}

	/** The open invitation with this token. */
	Optional<Invite> openByToken(byte[] tokenHash, Instant now) {
		return jdbc
			.sql("select id, subscription_id, email, expires_at from billing.group_invite where token_hash = :hash and "
					+ OPEN)
			.param("hash", tokenHash)
			.param("now", Timestamps.of(now))
			.query((rs, row) -> new Invite(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("email"),
					Timestamps.require(rs, "expires_at")))
			.optional();
	}

	int countOpen(long subscriptionId, Instant now) {
		return jdbc.sql("select count(*) from billing.group_invite where subscription_id = :group and " + OPEN)
			.param("group", subscriptionId)
			.param("now", Timestamps.of(now))
			.query(Integer.class)
			.single();
	}

	/** Uses the invitation up; false if it was no longer open. */
	boolean accept(long id, Instant now) {
		return jdbc.sql("update billing.group_invite set accepted_at = :now where id = :id and " + OPEN)
			.param("id", id)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/** Withdraws an open invitation of the group; false if there was none. */
	boolean revoke(long subscriptionId, long id, Instant now) {
		return jdbc
			.sql("update billing.group_invite set revoked_at = :now where id = :id and subscription_id = :group and "
					+ OPEN)
			.param("id", id)
			.param("group", subscriptionId)
			.param("now", Timestamps.of(now))
			.update() == 1;
	}

	/** An open invitation. */
	record Invite(long id, long subscriptionId, String email, Instant expiresAt) {
	}

}
