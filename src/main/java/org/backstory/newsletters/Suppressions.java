package org.backstory.newsletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addresses no newsletter goes to: hard bounces and complaints reported to
 * {@code /webhooks/email}, and addresses the SMTP server refused permanently
 * {@value #HARD_FAILURES_TO_SUPPRESS} times. Checked when a send fixes its recipients and
 * again before each message. Transactional mail (sign-in links, receipts) is not
 * affected: the member asked for it. A suppression ends when the member confirms the
 * address ({@link AddressConfirmations}) or staff lift it.
 */
@Service
public class Suppressions {

	static final int HARD_FAILURES_TO_SUPPRESS = 2;

	private static final Logger log = LoggerFactory.getLogger(Suppressions.class);

	private static final String SELECT = "select address_key, reason, detail, created_at from newsletters.suppression";

	private final JdbcClient jdbc;

	private final Clock clock;

	Suppressions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The key an address is stored under: addresses differ only by case in practice, not
	 * by meaning.
	 */
	static String key(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	/** Whether newsletters to this address are stopped. */
	@Transactional(readOnly = true)
	public boolean isSuppressed(String address) {
		return !suppressedAmong(Set.of(address)).isEmpty();
	}

	/** Those of these addresses that are suppressed, as {@link #key keys}. */
	@Transactional(readOnly = true)
	public Set<String> suppressedAmong(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select address_key from newsletters.suppression where address_key = any(:keys)")
			.param("keys", addresses.stream().map(Suppressions::key).toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** Stops newsletters to the address; a second report changes nothing. */
	@Transactional
	public void suppress(String address, SuppressionReason reason, String detail) {
		int added = jdbc.sql("""
				insert into newsletters.suppression (address_key, reason, detail, created_at)
				values (:key, :reason, :detail, :now) on conflict do nothing""")
			.param("key", key(address))
			.param("reason", reason.code())
			.param("detail", detail.length() > 500 ? detail.substring(0, 500) : detail)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (added == 1) {
			log.info("Address suppressed reason={}", reason.code());
		}
	}

	/**
	 * Counts a permanent SMTP refusal of the address; the
	 * {@value #HARD_FAILURES_TO_SUPPRESS}th suppresses it.
	 * @return whether the address is now suppressed
	 */
	@Transactional
	public boolean recordHardFailure(String address, String detail) {
		Instant now = clock.instant();
		int failures = jdbc.sql("""
				insert into newsletters.hard_failure (address_key, failures, last_at) values (:key, 1, :now)
				on conflict (address_key) do update set failures = hard_failure.failures + 1, last_at = :now
				returning failures""")
			.param("key", key(address))
			.param("now", Timestamp.from(now))
			.query(Integer.class)
			.single();
		if (failures >= HARD_FAILURES_TO_SUPPRESS) {
			suppress(address, SuppressionReason.HARD_FAILURES, detail);
			return true;
		}
		return false;
	}

	/** The suppression of this address, if it is suppressed. */
	@Transactional(readOnly = true)
	public Optional<Suppression> find(String address) {
		return jdbc.sql(SELECT + " where address_key = :key")
			.param("key", key(address))
			.query(Suppressions::map)
			.optional();
	}

	/** A page of the list, newest first. */
	@Transactional(readOnly = true)
	public List<Suppression> newestFirst(int offset, int limit) {
		return jdbc.sql(SELECT + " order by created_at desc, address_key limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(Suppressions::map)
			.list();
	}

	/** How many addresses are suppressed. */
	@Transactional(readOnly = true)
	public long count() {
		return jdbc.sql("select count(*) from newsletters.suppression").query(Long.class).single();
	}

	/**
	 * Lets newsletters reach the address again, after its member confirmed it or staff
	 * decided so, and starts its count of SMTP refusals afresh.
	 * @return whether the address had been suppressed
	 */
	@Transactional
	public boolean lift(String address) {
		String key = key(address);
		int removed = jdbc.sql("delete from newsletters.suppression where address_key = :key")
			.param("key", key)
			.update();
		jdbc.sql("delete from newsletters.hard_failure where address_key = :key").param("key", key).update();
		if (removed == 1) {
			log.info("Address suppression lifted");
		}
		return removed == 1;
	}

	private static Suppression map(ResultSet rs, int row) throws SQLException {
		return new Suppression(rs.getString("address_key"), SuppressionReason.ofCode(rs.getString("reason")),
				rs.getString("detail"), rs.getTimestamp("created_at").toInstant());
	}

}
