package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * The feeds' {@code Last-Modified}: steady while a feed is unchanged, always later after
 * a change.
 */
class FeedVersionsTests {

	private final SettableClock clock = new SettableClock();

	private final FeedVersions versions = new FeedVersions(clock);

	@Test
	void theDateStaysWhileTheFeedIsUnchangedAndIsWholeSeconds() {
		Instant first = versions.lastModified("/feed.xml", "\"a\"");
		clock.advance(Duration.ofMinutes(5));

		assertThat(versions.lastModified("/feed.xml", "\"a\"")).isEqualTo(first);
		assertThat(first.getNano()).isZero();
	}

	@Test
	void aChangeWithinTheSameSecondStillMovesTheDateOnSoIfModifiedSinceSeesIt() {
		Instant first = versions.lastModified("/feed.xml", "\"a\"");

		Instant second = versions.lastModified("/feed.xml", "\"b\"");
		Instant third = versions.lastModified("/feed.xml", "\"a\"");

		assertThat(second).isAfter(first);
		assertThat(third).isAfter(second);
	}

	@Test
	void aChangeLaterIsDatedWhenItWasFirstSent() {
		versions.lastModified("/feed.xml", "\"a\"");
		clock.advance(Duration.ofHours(1));

		Instant before = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant changed = versions.lastModified("/feed.xml", "\"b\"");

		assertThat(changed).isBetween(before, clock.instant());
	}

	@Test
	void eachAddressHasItsOwnDate() {
		Instant site = versions.lastModified("/feed.xml", "\"a\"");
		clock.advance(Duration.ofHours(1));

		assertThat(versions.lastModified("member:7", "\"a\"")).isAfter(site);
		assertThat(versions.lastModified("/feed.xml", "\"a\"")).isEqualTo(site);
	}

}
