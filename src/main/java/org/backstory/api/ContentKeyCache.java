package org.backstory.api;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers for a few seconds what a Content API key's hash opened, so a front end's
 * burst of calls does not ask the database once per call. A change on this node (a
 * revoked integration, a new key) empties it at once and again when its transaction ends;
 * a change on another node shows here within {@link #TIME_TO_LIVE}, the bound the
 * catalog's cache keeps too. Unknown keys are remembered as well (a flood of made-up keys
 * costs no queries), and the number of entries is bounded: when full, it starts again
 * empty.
 */
final class ContentKeyCache {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

	private static final int MAX_ENTRIES = 10_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final LongSupplier ticker;

	ContentKeyCache(LongSupplier ticker) {
		this.ticker = ticker;
	}

	Optional<Integration> get(byte[] hash, Supplier<Optional<Integration>> load) {
		String key = HexFormat.of().formatHex(hash);
		long now = ticker.getAsLong();
		Entry entry = entries.get(key);
		if (entry != null && now - entry.expiresAtNanos < 0) {
			return entry.integration;
		}
		Optional<Integration> loaded = load.get();
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear();
		}
		entries.put(key, new Entry(loaded, now + TIME_TO_LIVE.toNanos()));
		return loaded;
	}

	/**
	 * Forgets everything now, and again when the surrounding transaction (if any) ends.
	 */
	void invalidate() {
		entries.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					entries.clear();
				}

			});
		}
	}

	private record Entry(Optional<Integration> integration, long expiresAtNanos) {
	}

}
