package org.backstory.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class CatalogCacheTests {

	private final SettableClock clock = new SettableClock();

	private final AtomicReference<Instant> nextScheduled = new AtomicReference<>();

	private final CatalogCache cache = new CatalogCache(clock, now -> nextScheduled.get());

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void answersRepeatedReadsFromMemory() {
		assertThat(read()).isEqualTo(1);
		assertThat(read()).isEqualTo(1);
		assertThat(loads).hasValue(1);
	}

	@Test
	void forgetsEverythingWhenInvalidated() {
		read();

		cache.invalidate();

		assertThat(read()).isEqualTo(2);
	}

	@Test
	void forgetsEverythingWhenTheNextScheduledArticleIsDue() {
		nextScheduled.set(clock.instant().plus(Duration.ofMinutes(5)));
		read();

		clock.advance(Duration.ofMinutes(4));
		assertThat(read()).isEqualTo(1);

		clock.advance(Duration.ofMinutes(1));
		assertThat(read()).isEqualTo(2);
	}

	@Test
	void forgetsEverythingWhenTheClockIsSetBack() {
		read();

		clock.advance(Duration.ofSeconds(-1));

		assertThat(read()).isEqualTo(2);
	}

	@Test
	void keepsDistinctKeysApart() {
		assertThat(cache.get("a", () -> "A")).isEqualTo("A");
		assertThat(cache.get("b", () -> "B")).isEqualTo("B");
		assertThat(cache.get("a", () -> "changed")).isEqualTo("A");
	}

	private int read() {
		return cache.get("key", loads::incrementAndGet);
	}

}
