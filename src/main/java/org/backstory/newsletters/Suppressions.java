package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addresses no newsletter goes to: hard bounces and complaints reported to {@code /webhooks/email}, and
 * addresses the SMTP server refused permanently {@value #HARD_FAILURES_TO_SUPPRESS} times. Checked when a
 * send fixes its recipients and again before each message. Transactional mail (sign-in links, receipts)
 * is not affected: the member asked for it.
 */
@Service
public class Suppressions {

	static final int HARD_FAILURES_TO_SUPPRESS = 2;

	private static final Logger log = LoggerFactory.getLogger(Suppressions.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	Suppressions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The key an address is stored under: addresses differ only by case in practice, not by meaning. */
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
	 * Counts a permanent SMTP refusal of the address; the {@value #HARD_FAILURES_TO_SUPPRESS}th suppresses it.
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

}
