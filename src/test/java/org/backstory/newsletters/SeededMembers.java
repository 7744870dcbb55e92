package org.backstory.newsletters;

import java.time.Instant;
import java.util.stream.LongStream;

import org.backstory.members.MembersProbe;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many free members written straight into the members table and opted into a newsletter,
 * for tests and benchmarks of sends at scale. Addresses are {@code reader<id>@<domain>}.
 */
final class SeededMembers {

	private SeededMembers() {
	}

	/** Members with ids {@code first .. first + count - 1}. */
	static void seed(JdbcClient jdbc, long first, int count, String domain, Instant now) {
		MembersProbe.seed(jdbc, first, count, "reader", domain, now);
	}

	static void optIn(OptIns optIns, long newsletterId, long first, int count) {
		optIns.optInAll(newsletterId, LongStream.range(first, first + count).boxed().toList());
	}

	static String address(long memberId, String domain) {
		return "reader" + memberId + "@" + domain;
	}

}
