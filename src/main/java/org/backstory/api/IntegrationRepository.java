package org.backstory.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.backstory.members.MemberRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api.integration} table. */
@Repository
class IntegrationRepository {

	private static final String COLUMNS = "id, name, role, admin_key_id, created_at, revoked_at";

	private final JdbcClient jdbc;

	IntegrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, MemberRole role, byte[] contentKeyHash, String adminKeyId, byte[] sealedSecret,
			long createdBy, Instant at) {
		return jdbc
			.sql("""
					insert into api.integration (name, role, content_key_hash, admin_key_id, admin_secret, created_by, created_at)
					values (:name, :role, :hash, :keyId, :secret, :by, :at) returning id""")
			.param("name", name)
			.param("role", role.name())
			.param("hash", contentKeyHash)
			.param("keyId", adminKeyId)
			.param("secret", sealedSecret)
			.param("by", createdBy)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<Integration> all() {
		return jdbc.sql("select " + COLUMNS + " from api.integration order by revoked_at nulls first, lower(name), id")
			.query(IntegrationRepository::integration)
			.list();
	}

	Optional<Integration> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from api.integration where id = :id")
			.param("id", id)
			.query(IntegrationRepository::integration)
			.optional();
	}

	Optional<Integration> activeByContentKeyHash(byte[] hash) {
		return jdbc
			.sql("select " + COLUMNS + " from api.integration where content_key_hash = :hash and revoked_at is null")
			.param("hash", hash)
			.query(IntegrationRepository::integration)
			.optional();
	}

	Optional<SealedAdminKey> activeAdminKey(String keyId) {
		return jdbc
			.sql("select " + COLUMNS + ", admin_secret from api.integration where admin_key_id = :keyId "
					+ "and revoked_at is null")
			.param("keyId", keyId)
			.query((rs, row) -> new SealedAdminKey(integration(rs, row), rs.getBytes("admin_secret")))
			.optional();
	}

	boolean rename(long id, String name) {
		return jdbc.sql("update api.integration set name = :name where id = :id and revoked_at is null")
			.param("id", id)
			.param("name", name)
			.update() == 1;
	}

	boolean replaceContentKey(long id, byte[] hash) {
		return jdbc.sql("update api.integration set content_key_hash = :hash where id = :id and revoked_at is null")
			.param("id", id)
			.param("hash", hash)
			.update() == 1;
	}

	boolean replaceAdminKey(long id, String keyId, byte[] sealedSecret) {
		return jdbc.sql("""
				update api.integration set admin_key_id = :keyId, admin_secret = :secret
				where id = :id and revoked_at is null""")
			.param("id", id)
			.param("keyId", keyId)
			.param("secret", sealedSecret)
			.update() == 1;
	}

	boolean revoke(long id, Instant at) {
		return jdbc.sql("update api.integration set revoked_at = :at where id = :id and revoked_at is null")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private static Integration integration(ResultSet rs, int row) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Integration(rs.getLong("id"), rs.getString("name"), MemberRole.valueOf(rs.getString("role")),
				rs.getString("admin_key_id"), rs.getTimestamp("created_at").toInstant(),
				revoked == null ? null : revoked.toInstant());
	}

	record SealedAdminKey(Integration integration, byte[] sealedSecret) {
	}

}
