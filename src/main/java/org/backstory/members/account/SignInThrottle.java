package org.backstory.members.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts sign-in failures and mail requests per email address and per IP, in the database so a cluster
 * shares the counts. Once a key reaches its rule's limit within {@link #WINDOW} it is locked for 5 minutes,
 * then 10, 20, 40, at most an hour; a day without failures forgets the lock-outs.
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

	/** A throttled key: a rule and the address or IP it counts. */
	public record Subject(ThrottleRule rule, String value) {

		String key() {
			return rule.key(value);
		}

	}

	/** Whether any of the subjects is locked right now. */
	public boolean locked(List<Subject> subjects) {
		return jdbc.sql("""
				select count(*) from members.sign_in_throttle
				where throttle_key in (:keys) and locked_until > :now""")
			.param("keys", subjects.stream().map(Subject::key).toList())
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts one failure (or one mail request) against each subject. Runs in its own transaction so a
	 * failure is counted even when the caller's work rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(List<Subject> subjects) {
		subjects.forEach(this::record);
	}

	/** Forgets the failures of a subject, e.g. after a successful sign-in. */
	public void reset(Subject subject) {
		jdbc.sql("delete from members.sign_in_throttle where throttle_key = :key").param("key", subject.key()).update();
	}

	/** Deletes rows that have not changed for a day: their counts and lock-outs no longer matter. */
	int purgeStale() {
		return jdbc.sql("delete from members.sign_in_throttle where updated_at < :cutoff")
			.param("cutoff", Timestamp.from(clock.instant().minus(MEMORY)))
			.update();
	}

	private void record(Subject subject) {
		Instant now = clock.instant();
		String key = subject.key();
		jdbc.sql("""
				insert into members.sign_in_throttle (throttle_key, failures, window_started_at, updated_at)
				values (:key, 0, :now, :now) on conflict (throttle_key) do nothing""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.update();
		Counter counter = jdbc.sql("""
				select failures, window_started_at, lockouts, updated_at from members.sign_in_throttle
				where throttle_key = :key for update""")
			.param("key", key)
			.query((rs, row) -> new Counter(rs.getInt("failures"), rs.getTimestamp("window_started_at").toInstant(),
					rs.getInt("lockouts"), rs.getTimestamp("updated_at").toInstant()))
			.single()
			.next(now, subject.rule().limit());
		jdbc.sql("""
				update members.sign_in_throttle
				set failures = :failures, window_started_at = :window, lockouts = :lockouts,
				    locked_until = :lockedUntil, updated_at = :now
				where throttle_key = :key""")
			.param("key", key)
			.param("failures", counter.failures())
			.param("window", Timestamp.from(counter.windowStart()))
			.param("lockouts", counter.lockouts())
			.param("lockedUntil", counter.lockedUntil() == null ? null : Timestamp.from(counter.lockedUntil()))
			.param("now", Timestamp.from(now))
			.update();
		if (counter.lockedUntil() != null) {
			log.warn("Throttle locked rule={} lockouts={} until={}", subject.rule(), counter.lockouts(),
					counter.lockedUntil());
		}
	}

	/** The arithmetic of one more failure, kept free of I/O. */
	record Counter(int failures, Instant windowStart, int lockouts, Instant updatedAt, @Nullable Instant lockedUntil) {

		Counter(int failures, Instant windowStart, int lockouts, Instant updatedAt) {
			this(failures, windowStart, lockouts, updatedAt, null);
		}

		Counter next(Instant now, int limit) {
			int previousLockouts = updatedAt.isBefore(now.minus(MEMORY)) ? 0 : lockouts;
			boolean windowOver = windowStart.isBefore(now.minus(WINDOW));
			int count = (windowOver ? 0 : failures) + 1;
			Instant start = windowOver ? now : windowStart;
			if (count < limit) {
				return new Counter(count, start, previousLockouts, now, null);
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
