package org.backstory.members.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The two-factor tables: each member's sealed secret (confirmed or not yet), their
 * recovery codes (hashes only), and the one settings row. Uses of a code's step and of a
 * recovery code are conditional updates, so two requests carrying the same code cannot
 * both succeed.
 */
@Repository
class TwoFactorRepository {

	private final JdbcClient jdbc;

	TwoFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A member's secret, sealed; {@code confirmed} once a first code turned it on. */
	record Secret(long memberId, byte[] sealed, boolean confirmed, long lastUsedStep) {
	}

	Optional<Secret> find(long memberId) {
		return jdbc
			.sql("select member_id, secret, confirmed_at, last_used_step from members.two_factor where member_id = :id")
			.param("id", memberId)
			.query((rs, row) -> new Secret(rs.getLong("member_id"), rs.getBytes("secret"),
					rs.getTimestamp("confirmed_at") != null, rs.getLong("last_used_step")))
			.optional();
	}

	boolean on(long memberId) {
		return jdbc
			.sql("select exists (select 1 from members.two_factor where member_id = :id and confirmed_at is not null)")
			.param("id", memberId)
			.query(Boolean.class)
			.single();
	}

	/** The members who have two-factor on. */
	Set<Long> membersWithTwoFactor() {
		return new HashSet<>(jdbc.sql("select member_id from members.two_factor where confirmed_at is not null")
			.query(Long.class)
			.list());
	}

	/**
	 * Stores a new, unconfirmed secret, unless the member has one already (then that one
	 * stays).
	 */
	void insertUnconfirmed(long memberId, byte[] sealed, Instant now) {
		jdbc.sql("""
				insert into members.two_factor (member_id, secret, created_at) values (:id, :secret, :now)
				on conflict (member_id) do nothing""")
			.param("id", memberId)
			.param("secret", sealed)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Turns an unconfirmed secret on, its code's step used; whether it was still
	 * unconfirmed.
	 */
	boolean confirm(long memberId, long step, Instant now) {
		return jdbc.sql("""
				update members.two_factor set confirmed_at = :now, last_used_step = :step
				where member_id = :id and confirmed_at is null""")
			.param("id", memberId)
			.param("step", step)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Records that a code of {@code step} was used; false when that step or a later one
	 * already was.
	 */
	boolean useStep(long memberId, long step) {
		return jdbc.sql("""
				update members.two_factor set last_used_step = :step
				where member_id = :id and confirmed_at is not null and last_used_step < :step""")
			.param("id", memberId)
			.param("step", step)
			.update() == 1;
	}

	/**
	 * Replaces the member's recovery codes with these hashes: the old codes stop working.
	 */
	void replaceRecoveryCodes(long memberId, List<byte[]> hashes, Instant now) {
		jdbc.sql("delete from members.two_factor_recovery_code where member_id = :id").param("id", memberId).update();
		for (byte[] hash : hashes) {
			jdbc.sql("""
					insert into members.two_factor_recovery_code (member_id, code_hash, created_at)
					values (:id, :hash, :now)""")
				.param("id", memberId)
				.param("hash", hash)
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	/** Uses a recovery code up; false when the member has no such unused code. */
	boolean useRecoveryCode(long memberId, byte[] hash, Instant now) {
		return jdbc.sql("""
				update members.two_factor_recovery_code set used_at = :now
				where member_id = :id and code_hash = :hash and used_at is null""")
			.param("id", memberId)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	int recoveryCodesLeft(long memberId) {
		return jdbc
			.sql("select count(*) from members.two_factor_recovery_code where member_id = :id and used_at is null")
			.param("id", memberId)
			.query(Integer.class)
			.single();
	}

	/** Deletes the member's secret and recovery codes; whether they had two-factor on. */
	boolean delete(long memberId) {
		jdbc.sql("delete from members.two_factor_recovery_code where member_id = :id").param("id", memberId).update();
		return jdbc.sql("delete from members.two_factor where member_id = :id returning confirmed_at is not null")
			.param("id", memberId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	boolean staffRequired() {
		return jdbc.sql("select staff_required from members.two_factor_settings where id = 1")
			.query(Boolean.class)
			.single();
	}

	void requireOfStaff(boolean required, Instant now) {
		jdbc.sql("update members.two_factor_settings set staff_required = :required, updated_at = :now where id = 1")
			.param("required", required)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Records {@code fingerprint} as the sealing key's if none is recorded yet; whether
	 * the recorded one is it. A node whose key differs from the one recorded must not
	 * seal secrets other nodes cannot open.
	 */
	boolean claimKey(byte[] fingerprint) {
		return jdbc.sql("""
				update members.two_factor_settings set key_check = coalesce(key_check, :fingerprint) where id = 1
				returning key_check = :fingerprint""").param("fingerprint", fingerprint).query(Boolean.class).single();
	}

}
