package org.backstory.members.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts sign-in attempts, mail requests and code guesses per key (an email address, an
 * IP, a member), in the database so every node of a cluster shares the counts. An attempt
 * is reserved before the slow part (the password hash, the code lookup) runs, under a row
 * lock, so however many requests arrive at once no more than the rule's limit get through
 * within {@link #WINDOW}. The one after that locks the key for 5 minutes, then 10, 20,
 * 40, at most an hour; a day without attempts forgets the lock-outs. A lock only ever
 * ends by running out: nothing that happens during it moves {@code locked_until} back.
 */
@Component
public class SignInThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);

	private static final Duration FIRST_LOCK = Duration.ofMinutes(5);

	private static final Duration LONGEST_LOCK = Duration.ofHours(1);

	private static final Duration MEMORY = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A throttled key: a rule and the address, IP or member id it counts. */
	public record Subject(ThrottleRule rule, String value) {

		String key() {
			return rule.key(value);
		}

	}

	/**
	 * The answer to {@link #reserve}: allowed when no subject is locked or over its
	 * limit; otherwise the rules that refused it.
	 */
	public record Reservation(List<Subject> subjects, Instant at, Set<ThrottleRule> refusedBy) {

		public boolean allowed() {
			return refusedBy.isEmpty();
		}

		public boolean refusedBy(ThrottleRule rule) {
			return refusedBy.contains(rule);
		}

	}

	/**
	 * Reserves one attempt against every subject, in its own transaction so the count is
	 * committed before the caller does the slow part and stays whatever the caller's work
	 * does. Refused when a subject is locked or this attempt would pass its limit (which
	 * starts a lock-out); a refused attempt counts against nothing else. The rows are
	 * locked in key order, so two reservations never wait on each other in a circle.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Reservation reserve(List<Subject> subjects) {
		Instant now = clock.instant();
		List<Subject> ordered = subjects.stream().distinct().sorted(Comparator.comparing(Subject::key)).toList();
		Set<ThrottleRule> refused = EnumSet.noneOf(ThrottleRule.class);
		List<Subject> counted = new ArrayList<>();
		List<Counter> next = new ArrayList<>();
		for (Subject subject : ordered) {
			Counter counter = lockRow(subject, now);
			if (counter.lockedAt(now)) {
				refused.add(subject.rule());
				continue;
			}
			Counter reserved = counter.reserve(now, subject.rule().limit());
			if (reserved.lockedAt(now)) {
				refused.add(subject.rule());
				write(subject, reserved, now);
				log.warn("Throttle locked rule={} lockouts={} until={}", subject.rule(), reserved.lockouts(),
						reserved.lockedUntil());
			}
			else {
				counted.add(subject);
				next.add(reserved);
			}
		}
		if (refused.isEmpty()) {
			for (int i = 0; i < counted.size(); i++) {
				write(counted.get(i), next.get(i), now);
			}
		}
		return new Reservation(ordered, now, refused);
	}

	/**
	 * Settles a reservation whose attempt succeeded: a rule that forgets on success (the
	 * address of a right password) forgets its count; the others get their attempt back,
	 * so a success never counts. Locks stay.
	 */
	public void succeeded(Reservation reservation) {
		for (Subject subject : reservation.subjects()) {
			if (subject.rule().forgetsOnSuccess()) {
				jdbc.sql("update members.sign_in_throttle set failures = 0 where throttle_key = :key")
					.param("key", subject.key())
					.update();
			}
			else {
				// Only within the window the attempt was counted in: a newer window never
				// counted it.
				jdbc.sql("""
						update members.sign_in_throttle set failures = failures - 1
						where throttle_key = :key and failures > 0 and window_started_at <= :at""")
					.param("key", subject.key())
					.param("at", Timestamp.from(reservation.at()))
					.update();
			}
		}
	}

	/**
	 * Whether the caller is the first to claim the subject's current lock-out for a
	 * notice (the sign-in link mailed to a locked address): true once per lock-out, on
	 * whichever node asks first; false when the subject is not locked.
	 */
	public boolean claimLockNotice(Subject subject) {
		return jdbc.sql("""
				update members.sign_in_throttle set link_mailed_for = locked_until
				where throttle_key = :key and locked_until > :now and link_mailed_for is distinct from locked_until""")
			.param("key", subject.key())
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/**
	 * Deletes rows that have not changed for a day: their counts and lock-outs no longer
	 * matter.
	 */
	int purgeStale() {
		return jdbc.sql("delete from members.sign_in_throttle where updated_at < :cutoff")
			.param("cutoff", Timestamp.from(clock.instant().minus(MEMORY)))
			.update();
	}

	private Counter lockRow(Subject subject, Instant now) {
		jdbc.sql("""
				insert into members.sign_in_throttle (throttle_key, failures, window_started_at, updated_at)
				values (:key, 0, :now, :now) on conflict (throttle_key) do nothing""")
			.param("key", subject.key())
			.param("now", Timestamp.from(now))
			.update();
		return jdbc.sql("""
				select failures, window_started_at, lockouts, updated_at, locked_until from members.sign_in_throttle
				where throttle_key = :key for update""").param("key", subject.key()).query((rs, row) -> {
			Timestamp lockedUntil = rs.getTimestamp("locked_until");
			return new Counter(rs.getInt("failures"), rs.getTimestamp("window_started_at").toInstant(),
					rs.getInt("lockouts"), rs.getTimestamp("updated_at").toInstant(),
					lockedUntil == null ? null : lockedUntil.toInstant());
		}).single();
	}

	private void write(Subject subject, Counter counter, Instant now) {
		jdbc.sql("""
				update members.sign_in_throttle
				set failures = :attempts, window_started_at = :window, lockouts = :lockouts,
				    locked_until = :lockedUntil, updated_at = :now
				where throttle_key = :key""")
			.param("key", subject.key())
			.param("attempts", counter.attempts())
			.param("window", Timestamp.from(counter.windowStart()))
			.param("lockouts", counter.lockouts())
			.param("lockedUntil", counter.lockedUntil() == null ? null : Timestamp.from(counter.lockedUntil()))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The arithmetic of one more attempt, kept free of I/O. */
	record Counter(int attempts, Instant windowStart, int lockouts, Instant updatedAt, @Nullable Instant lockedUntil) {

		boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}

		/**
		 * One more attempt at {@code now} on a key that is not locked: counted while
		 * within the limit; past it, the start of a lock-out, after which counting begins
		 * again. An expired lock's end is kept as it was.
		 */
		Counter reserve(Instant now, int limit) {
			int previousLockouts = updatedAt.isBefore(now.minus(MEMORY)) ? 0 : lockouts;
			boolean windowOver = windowStart.isBefore(now.minus(WINDOW));
			int count = (windowOver ? 0 : attempts) + 1;
			if (count <= limit) {
				return new Counter(count, windowOver ? now : windowStart, previousLockouts, now, lockedUntil);
			}
			int lockoutCount = previousLockouts + 1;
			return new Counter(0, now, lockoutCount, now, now.plus(lockFor(lockoutCount)));
		}

		static Duration lockFor(int lockouts) {
			Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(lockouts - 1, 10));
			return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
		}

	}

}
