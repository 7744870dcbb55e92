package org.backstory.newsletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The suppression list and the count of SMTP refusals per address, behind
 * {@link Suppressions}; addresses are given as {@link Suppressions#key keys}.
 */
@Component
class SuppressionRepository {

	private static final String SELECT = "select address_key, reason, detail, created_at from newsletters.suppression";

	private final JdbcClient jdbc;

	SuppressionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> suppressedAmong(String[] keys) {
		return jdbc.sql("select address_key from newsletters.suppression where address_key = any(:keys)")
			.param("keys", keys)
			.query(String.class)
			.list();
	}

	/** Adds the suppression unless there is one; returns whether it did. */
	boolean insert(String key, SuppressionReason reason, String detail, Instant now) {
		return jdbc.sql("""
				insert into newsletters.suppression (address_key, reason, detail, created_at)
				values (:key, :reason, :detail, :now) on conflict do nothing""")
			.param("key", key)
			.param("reason", reason.code())
			.param("detail", detail)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Counts one more SMTP refusal of the address; returns how many there have been. */
	int countHardFailure(String key, Instant now) {
		return jdbc.sql("""
				insert into newsletters.hard_failure (address_key, failures, last_at) values (:key, 1, :now)
				on conflict (address_key) do update set failures = hard_failure.failures + 1, last_at = :now
				returning failures""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	Optional<Suppression> find(String key) {
		return jdbc.sql(SELECT + " where address_key = :key")
			.param("key", key)
			.query(SuppressionRepository::map)
			.optional();
	}

	List<Suppression> newestFirst(int offset, int limit) {
		return jdbc.sql(SELECT + " order by created_at desc, address_key limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(SuppressionRepository::map)
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from newsletters.suppression").query(Long.class).single();
	}

	/**
	 * Removes the address's suppression and its count of refusals; returns whether it was
	 * suppressed.
	 */
	boolean delete(String key) {
		int removed = jdbc.sql("delete from newsletters.suppression where address_key = :key")
			.param("key", key)
			.update();
		jdbc.sql("delete from newsletters.hard_failure where address_key = :key").param("key", key).update();
		return removed == 1;
	}

	private static Suppression map(ResultSet rs, int row) throws SQLException {
		return new Suppression(rs.getString("address_key"), SuppressionReason.ofCode(rs.getString("reason")),
				rs.getString("detail"), rs.getTimestamp("created_at").toInstant());
	}

}
