package org.backstory.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.backstory.billing.Entitlement;
import org.junit.jupiter.api.Test;

class EntitlementCacheTests {

	private static final Entitlement ACTIVE = new Entitlement(Entitlement.Status.ACTIVE, "paid",
			Instant.parse("2030-01-01T00:00:00Z"), null);

	private final AtomicLong nanos = new AtomicLong(123_456_789L);

	private final EntitlementCache cache = new EntitlementCache(nanos::get);

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void answersRepeatedQuestionsFromMemory() {
		assertThat(read(1, ACTIVE)).isEqualTo(ACTIVE);
		assertThat(read(1, Entitlement.none())).isEqualTo(ACTIVE);
		assertThat(loads).hasValue(1);
	}

	@Test
	void keepsMembersApart() {
		read(1, ACTIVE);

		assertThat(read(2, Entitlement.none())).isEqualTo(Entitlement.none());
		assertThat(loads).hasValue(2);
	}

	@Test
	void asksAgainOnceTheTimeToLiveHasPassed() {
		read(1, Entitlement.none());

		nanos.addAndGet(EntitlementCache.TIME_TO_LIVE.toNanos() - 1);
		assertThat(read(1, ACTIVE)).isEqualTo(Entitlement.none());

		nanos.addAndGet(1);
		assertThat(read(1, ACTIVE)).isEqualTo(ACTIVE);
	}

	@Test
	void forgetsEverythingWhenInvalidated() {
		read(1, Entitlement.none());
		read(2, Entitlement.none());

		cache.invalidate();

		assertThat(read(1, ACTIVE)).isEqualTo(ACTIVE);
		assertThat(read(2, ACTIVE)).isEqualTo(ACTIVE);
	}

	@Test
	void doesNotKeepAnAnswerLoadedWhileAChangeWasBeingMade() {
		cache.get(1, id -> {
			cache.invalidate();
			return Entitlement.none();
		});

		assertThat(read(1, ACTIVE)).isEqualTo(ACTIVE);
	}

	@Test
	void remembersAPlansGiftLinksAndForgetsThemWithTheEntitlements() {
		assertThat(cache.giftLinksPerMonth(1, id -> 5)).isEqualTo(5);
		assertThat(cache.giftLinksPerMonth(1, id -> 3)).isEqualTo(5);
		assertThat(cache.giftLinksPerMonth(2, id -> 3)).isEqualTo(3);

		cache.invalidate();

		assertThat(cache.giftLinksPerMonth(1, id -> 3)).isEqualTo(3);
		nanos.addAndGet(EntitlementCache.TIME_TO_LIVE.toNanos());
		assertThat(cache.giftLinksPerMonth(1, id -> 7)).isEqualTo(7);
	}

	private Entitlement read(long memberId, Entitlement inDatabase) {
		return cache.get(memberId, id -> {
			loads.incrementAndGet();
			return inDatabase;
		});
	}

}
