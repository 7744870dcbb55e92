package org.backstory.newsletters;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private final SuppressionRepository repository;

	private final Clock clock;

	Suppressions(SuppressionRepository repository, Clock clock) {
		this.repository = repository;
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
		return new HashSet<>(
				repository.suppressedAmong(addresses.stream().map(Suppressions::key).toArray(String[]::new)));
	}

	/** Stops newsletters to the address; a second report changes nothing. */
	@Transactional
	public void suppress(String address, SuppressionReason reason, String detail) {
		if (repository.insert(key(address), reason, detail.length() > 500 ? detail.substring(0, 500) : detail,
				clock.instant())) {
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
		int failures = repository.countHardFailure(key(address), clock.instant());
		if (failures >= HARD_FAILURES_TO_SUPPRESS) {
			suppress(address, SuppressionReason.HARD_FAILURES, detail);
			return true;
		}
		return false;
	}

	/** The suppression of this address, if it is suppressed. */
	@Transactional(readOnly = true)
	public Optional<Suppression> find(String address) {
		return repository.find(key(address));
	}

	/** A page of the list, newest first. */
	@Transactional(readOnly = true)
	public List<Suppression> newestFirst(int offset, int limit) {
		return repository.newestFirst(offset, limit);
	}

	/** How many addresses are suppressed. */
	@Transactional(readOnly = true)
	public long count() {
		return repository.count();
	}

	/**
	 * Lets newsletters reach the address again, after its member confirmed it or staff
	 * decided so, and starts its count of SMTP refusals afresh.
	 * @return whether the address had been suppressed
	 */
	@Transactional
	public boolean lift(String address) {
		boolean removed = repository.delete(key(address));
		if (removed) {
			log.info("Address suppression lifted");
		}
		return removed;
	}

}
