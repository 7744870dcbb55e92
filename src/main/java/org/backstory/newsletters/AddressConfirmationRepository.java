package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The address confirmation links' rows (one per member, the token stored hashed), behind
 * {@link AddressConfirmations}.
 */
@Component
class AddressConfirmationRepository {

	private final JdbcClient jdbc;

	AddressConfirmationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A link's row. */
	record Link(long memberId, String address, Instant expiresAt, boolean used) {
	}

	/**
	 * Stores a new link for the member, replacing their last one unless that was made
	 * after {@code throttledUntil}; returns whether it did.
	 */
	boolean issue(long memberId, byte[] tokenHash, String address, Instant now, Instant expiresAt,
			Instant throttledUntil) {
		return jdbc.sql("""
				insert into newsletters.address_confirmation (member_id, token_hash, address, created_at, expires_at)
				values (:member, :hash, :address, :now, :expires)
				on conflict (member_id) do update set token_hash = excluded.token_hash, address = excluded.address,
				  created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = null
				where address_confirmation.created_at <= :throttledUntil
				returning member_id""")
			.param("member", memberId)
			.param("hash", tokenHash)
			.param("address", address)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.param("throttledUntil", Timestamp.from(throttledUntil))
			.query(Long.class)
			.optional()
			.isPresent();
	}

	void markUsed(long memberId, Instant now) {
		jdbc.sql("update newsletters.address_confirmation set used_at = :now where member_id = :member")
			.param("now", Timestamp.from(now))
			.param("member", memberId)
			.update();
	}

	void delete(long memberId) {
		jdbc.sql("delete from newsletters.address_confirmation where member_id = :member")
			.param("member", memberId)
			.update();
	}

	/** The link with this token hash; locked until the transaction ends if asked. */
	Optional<Link> find(byte[] tokenHash, boolean forUpdate) {
		return jdbc.sql("""
				select member_id, address, expires_at, used_at from newsletters.address_confirmation
				where token_hash = :hash""" + (forUpdate ? " for update" : ""))
			.param("hash", tokenHash)
			.query((rs, row) -> new Link(rs.getLong("member_id"), rs.getString("address"),
					rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("used_at") != null))
			.optional();
	}

}
