package org.backstory.shared;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A setting loaded from the database and kept in memory for at most {@link #MAX_AGE}, so
 * pages do not query it on every request while a change made on another node is still
 * seen within seconds. A change made through this node calls {@link #forget()} and is
 * seen at once.
 *
 * @param <T> the loaded value
 */
public final class RecentValue<T> {

	/** How long a loaded value is used before it is loaded again. */
	public static final Duration MAX_AGE = Duration.ofSeconds(5);

	private final Supplier<T> loader;

	private final LongSupplier ticker;

	private final long maxAgeNanos;

	private volatile @Nullable Loaded<T> loaded;

	/** A value kept for {@link #MAX_AGE} by the system's monotonic clock. */
	public RecentValue(Supplier<T> loader) {
		this(loader, System::nanoTime);
	}

	/**
	 * @param loader reads the value from the database
	 * @param ticker nanoseconds from a monotonic source (tests pass their own to age the
	 * value)
	 */
	public RecentValue(Supplier<T> loader, LongSupplier ticker) {
		this(loader, MAX_AGE, ticker);
	}

	/**
	 * A value kept for {@code maxAge} rather than {@link #MAX_AGE}: for a figure that is
	 * costly to load and may lag (a metric a scrape reads).
	 */
	public RecentValue(Supplier<T> loader, Duration maxAge, LongSupplier ticker) {
		this.loader = loader;
		this.ticker = ticker;
		this.maxAgeNanos = maxAge.toNanos();
	}

	/**
	 * The value, loaded again when it is older than its maximum age or was forgotten.
	 */
	public T get() {
		long now = ticker.getAsLong();
		Loaded<T> current = loaded;
		if (current == null || now - current.at() >= maxAgeNanos) {
			current = new Loaded<>(loader.get(), now);
			loaded = current;
		}
		return current.value();
	}

	/**
	 * Drops the value now and again when the surrounding transaction (if any) ends, so a
	 * reader in between cannot keep the value from before the change.
	 */
	public void forget() {
		loaded = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					loaded = null;
				}

			});
		}
	}

	private record Loaded<T>(T value, long at) {
	}

}
