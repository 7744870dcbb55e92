package org.backstory.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers repeated catalog reads from memory. All entries live in one snapshot that is
 * thrown away as a whole when any of these happens:
 * <ul>
 * <li>an edit through {@link ArticleEditor} commits on this node;</li>
 * <li>the clock reaches the next scheduled publication time known when the snapshot
 * began, so a scheduled article appears on time (or the clock is set back before the
 * snapshot began, as tests do);</li>
 * <li>{@link #TIME_TO_LIVE} has passed, which bounds how stale an edit made on another
 * node can be.</li>
 * </ul>
 */
@Component
class CatalogCache {

	/**
	 * Half of the ten seconds within which every node must show a change made on another.
	 */
	static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

	/**
	 * Slugs come from URLs, so the number of distinct keys is bounded to keep memory
	 * bounded.
	 */
	private static final int MAX_ENTRIES = 2_000;

	private final Clock clock;

	private final Function<Instant, @Nullable Instant> nextScheduledAfter;

	private final LongSupplier ticker;

	private volatile @Nullable Snapshot snapshot;

	@Autowired
	CatalogCache(Clock clock, ArticleCatalogRepository reader) {
		this(clock, now -> reader.nextScheduled(now).orElse(null));
	}

	CatalogCache(Clock clock, Function<Instant, @Nullable Instant> nextScheduledAfter) {
		this(clock, nextScheduledAfter, System::nanoTime);
	}

	/**
	 * @param ticker nanoseconds from a monotonic source, which ages snapshots (tests pass
	 * their own)
	 */
	CatalogCache(Clock clock, Function<Instant, @Nullable Instant> nextScheduledAfter, LongSupplier ticker) {
		this.clock = clock;
		this.nextScheduledAfter = nextScheduledAfter;
		this.ticker = ticker;
	}

	/** The cached value for {@code key}, loading it if the current snapshot has none. */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Supplier<T> loader) {
		Snapshot current = current();
		Object value = current.entries.get(key);
		if (value == null) {
			value = loader.get();
			if (current.entries.size() < MAX_ENTRIES) {
				current.entries.putIfAbsent(key, value);
			}
		}
		return (T) value;
	}

	/**
	 * Drops everything now, and again when the surrounding transaction (if any) commits.
	 */
	void invalidate() {
		snapshot = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					snapshot = null;
				}

			});
		}
	}

	private Snapshot current() {
		Instant now = clock.instant();
		long nanos = ticker.getAsLong();
		Snapshot current = snapshot;
		if (current == null || !current.validAt(now, nanos)) {
			current = new Snapshot(now, nextScheduledAfter.apply(now), nanos + TIME_TO_LIVE.toNanos());
			snapshot = current;
		}
		return current;
	}

	private static final class Snapshot {

		private final Instant begun;

		private final @Nullable Instant nextScheduled;

		private final long expiresAtNanos;

		private final Map<Object, Object> entries = new ConcurrentHashMap<>();

		Snapshot(Instant begun, @Nullable Instant nextScheduled, long expiresAtNanos) {
			this.begun = begun;
			this.nextScheduled = nextScheduled;
			this.expiresAtNanos = expiresAtNanos;
		}

		boolean validAt(Instant now, long nanos) {
			return nanos - expiresAtNanos < 0 && !now.isBefore(begun)
					&& (nextScheduled == null || now.isBefore(nextScheduled));
		}

	}

}
