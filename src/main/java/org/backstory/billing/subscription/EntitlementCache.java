package org.backstory.billing.subscription;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

import org.backstory.billing.Entitlement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers members' entitlements, and the monthly gift links of their plans, for a few
 * seconds: every page a signed-in reader opens asks for their entitlement, and every
 * gated article's page a subscriber opens for their gift links (two queries); a query per
 * page view was a sizeable share of a subscriber's page. Only the facts are kept; the
 * access policy still applies its time rules (period ends, grace) to them at every
 * request.
 * <p>
 * Everything is forgotten when a subscription changes through
 * {@link SubscriptionRepository} on this node (or a seat, a licence, a plan's gift
 * links), at once and again when the surrounding transaction ends, so a reader who has
 * just subscribed (or been refunded) here sees it on the next page. A change made by
 * another node shows here within {@link #TIME_TO_LIVE}. An answer loaded while a change
 * was committing is never kept: each entry carries the generation it was loaded in, and
 * forgetting starts a new generation.
 */
@Component
public class EntitlementCache {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

	/** Bounds memory; past it the cache starts afresh. */
	private static final int MAX_ENTRIES = 10_000;

	private final LongSupplier nanoTime;

	private final AtomicLong generation = new AtomicLong();

	private final ConcurrentHashMap<Long, Entry<Entitlement>> entitlements = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Long, Entry<Integer>> giftLinks = new ConcurrentHashMap<>();

	@Autowired
	EntitlementCache() {
		this(System::nanoTime);
	}

	EntitlementCache(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * The member's entitlement from memory, or from {@code loader} if not known (or too
	 * old).
	 */
	Entitlement get(long memberId, LongFunction<Entitlement> loader) {
		return remembered(entitlements, memberId, loader);
	}

	/**
	 * The monthly gift links of the member's plan from memory, or from {@code loader} if
	 * not known (or too old).
	 */
	public int giftLinksPerMonth(long memberId, LongFunction<Integer> loader) {
		return remembered(giftLinks, memberId, loader);
	}

	private <T> T remembered(ConcurrentHashMap<Long, Entry<T>> entries, long memberId, LongFunction<T> loader) {
		long now = nanoTime.getAsLong();
		long current = generation.get();
		Entry<T> entry = entries.get(memberId);
		if (entry != null && entry.generation == current && now - entry.expiresAtNanos < 0) {
			return entry.value;
		}
		T loaded = loader.apply(memberId);
		if (entries.size() >= MAX_ENTRIES) {
			entries.clear();
		}
		entries.put(memberId, new Entry<>(loaded, current, now + TIME_TO_LIVE.toNanos()));
		return loaded;
	}

	/**
	 * Forgets everything now, and again when the surrounding transaction (if any) ends.
	 */
	public void invalidate() {
		forget();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					forget();
				}

			});
		}
	}

	private void forget() {
		generation.incrementAndGet();
		entitlements.clear();
		giftLinks.clear();
	}

	private record Entry<T>(T value, long generation, long expiresAtNanos) {
	}

}
