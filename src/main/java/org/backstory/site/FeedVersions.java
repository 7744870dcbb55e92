package org.backstory.site;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The {@code Last-Modified} of each feed address: the second this node first sent what
 * the address now carries. Dates taken from the articles would not do: unpublishing the
 * newest article, or a member's access changing, changes a feed without making any
 * article newer, and a feed reader asking "modified since?" would be told no. Every
 * change here moves the date forward by at least a second (HTTP dates have no finer
 * grain).
 */
@Component
class FeedVersions {

	/**
	 * Bounds memory (private feeds have one address per member); past it dates start
	 * afresh, which only moves them on.
	 */
	private static final int MAX_ADDRESSES = 10_000;

	private final Map<String, Version> versions = new ConcurrentHashMap<>();

	private final Clock clock;

	FeedVersions(Clock clock) {
		this.clock = clock;
	}

	/**
	 * When the feed at {@code address} began to carry the document whose entity tag is
	 * {@code etag}.
	 */
	Instant lastModified(String address, String etag) {
		if (versions.size() >= MAX_ADDRESSES && !versions.containsKey(address)) {
			versions.clear();
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return versions.compute(address, (key, known) -> {
			if (known == null) {
				return new Version(etag, now);
			}
			if (known.etag().equals(etag)) {
				return known;
			}
			Instant next = known.since().plusSeconds(1);
			return new Version(etag, now.isAfter(next) ? now : next);
		}).since();
	}

	private record Version(String etag, Instant since) {
	}

}
