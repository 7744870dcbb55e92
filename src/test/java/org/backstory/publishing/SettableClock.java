package org.backstory.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that runs with real time but can be moved, for tests of scheduled publishing.
 * Import {@link Configuration} into a Spring test to make it the app's clock, and
 * {@link #reset()} after moving it.
 */
public final class SettableClock extends Clock {

	private final Clock system = Clock.systemUTC();

	private volatile Duration offset = Duration.ZERO;

	@Override
	public Instant instant() {
		return system.instant().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(system.withZone(zone), offset);
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		offset = offset.plus(duration);
	}

	/** Back to real time. */
	public void reset() {
		offset = Duration.ZERO;
	}

	/** Makes a {@link SettableClock} the app's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}

	}

}
