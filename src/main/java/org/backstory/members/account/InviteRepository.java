package org.backstory.members.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.members.MemberRole;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The staff invite table. Tokens are looked up by their SHA-256
 * ({@link OneTimeTokens#hash}).
 */
@Repository
class InviteRepository {

	private static final String COLUMNS = "id, email, role, invited_by, created_at, expires_at, accepted_at, revoked_at";

	private final JdbcClient jdbc;

	InviteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Revokes the address's open invite, if any, so a new one can take its place. */
	void revokeOpen(String email, Instant now) {
		jdbc.sql("""
				update members.staff_invite set revoked_at = :now
				where lower(email) = lower(:email) and accepted_at is null and revoked_at is null""")
			.param("email", email)
			.param("now", Timestamp.from(now))
			.update();
	}

	StaffInvite insert(byte[] tokenHash, String email, MemberRole role, long invitedBy, Instant now, Instant expires) {
		return jdbc.sql("""
				insert into members.staff_invite (token_hash, email, role, invited_by, created_at, expires_at)
				values (:hash, :email, :role, :by, :now, :expires)
				returning\s""" + COLUMNS)
			.param("hash", tokenHash)
			.param("email", email)
			.param("role", role.name())
			.param("by", invitedBy)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.query(InviteRepository::invite)
			.single();
	}

	/** The invites whose links still work, newest first. */
	List<StaffInvite> open(Instant now) {
		return jdbc.sql("select " + COLUMNS + """
				 from members.staff_invite
				where accepted_at is null and revoked_at is null and expires_at > :now
				order by created_at desc, id desc""")
			.param("now", Timestamp.from(now))
			.query(InviteRepository::invite)
			.list();
	}

	Optional<StaffInvite> findByToken(byte[] tokenHash) {
		return jdbc.sql("select " + COLUMNS + " from members.staff_invite where token_hash = :hash")
			.param("hash", tokenHash)
			.query(InviteRepository::invite)
			.optional();
	}

	/**
	 * Marks an open, unexpired invite accepted, atomically; empty when the link no longer
	 * works.
	 */
	Optional<StaffInvite> accept(byte[] tokenHash, Instant now) {
		return jdbc.sql("""
				update members.staff_invite set accepted_at = :now
				where token_hash = :hash and accepted_at is null and revoked_at is null and expires_at > :now
				returning\s""" + COLUMNS)
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.query(InviteRepository::invite)
			.optional();
	}

	void acceptedBy(long inviteId, long memberId) {
		jdbc.sql("update members.staff_invite set accepted_by = :member where id = :id")
			.param("id", inviteId)
			.param("member", memberId)
			.update();
	}

	/**
	 * Revokes an open invite; empty when there is no such invite or it was accepted or
	 * revoked already.
	 */
	Optional<StaffInvite> revoke(long inviteId, Instant now) {
		return jdbc.sql("""
				update members.staff_invite set revoked_at = :now
				where id = :id and accepted_at is null and revoked_at is null
				returning\s""" + COLUMNS)
			.param("id", inviteId)
			.param("now", Timestamp.from(now))
			.query(InviteRepository::invite)
			.optional();
	}

	private static StaffInvite invite(ResultSet rs, int row) throws SQLException {
		long invitedBy = rs.getLong("invited_by");
		return new StaffInvite(rs.getLong("id"), rs.getString("email"), MemberRole.valueOf(rs.getString("role")),
				rs.wasNull() ? null : invitedBy, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("accepted_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
