package org.backstory.billing.group;

import java.time.Instant;
import java.util.Optional;

import org.backstory.shared.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Groups' shareable invite links ({@code billing.group_link}), one per group at most: the
 * token's SHA-256 finds it, the sealed token lets the manager's page show it again.
 */
@Repository
class GroupLinkRepository {

	private final JdbcClient jdbc;

	GroupLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes the group's link this token, replacing the one it had. */
	void replace(long subscriptionId, byte[] tokenHash, byte[] sealedToken, Instant now) {
		jdbc.sql(
				"""
						insert into billing.group_link (subscription_id, token_hash, token_sealed, created_at)
						values (:group, :hash, :sealed, :now)
						on conflict (subscription_id) do update
						set token_hash = excluded.token_hash, token_sealed = excluded.token_sealed, created_at = excluded.created_at
						""")
			.param("group", subscriptionId)
			.param("hash", tokenHash)
			.param("sealed", sealedToken)
			.param("now", Timestamps.of(now))
			.update();
	}

	/** The group's sealed token, if it has a link. */
	Optional<byte[]> sealedOf(long subscriptionId) {
		return jdbc.sql("select token_sealed from billing.group_link where subscription_id = :group")
			.param("group", subscriptionId)
			.query((rs, row) -> rs.getBytes("token_sealed"))
			.optional();
	}

	/** The group whose link has this token. */
	Optional<Long> groupOf(byte[] tokenHash) {
		return jdbc.sql("select subscription_id from billing.group_link where token_hash = :hash")
			.param("hash", tokenHash)
			.query(Long.class)
			.optional();
	}

	/** Revokes the group's link; false if it had none. */
	boolean delete(long subscriptionId) {
		return jdbc.sql("delete from billing.group_link where subscription_id = :group")
			.param("group", subscriptionId)
			.update() == 1;
	}

}
