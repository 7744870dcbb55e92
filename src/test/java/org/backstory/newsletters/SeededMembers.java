package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.LongStream;

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
		jdbc.sql("""
				insert into members.member (id, email, name, role, email_verified_at, created_at, updated_at)
				overriding system value
				select m, 'reader' || m || '@' || :domain, 'Reader ' || m, 'MEMBER', :now, :now, :now
				from generate_series(:first, :first + :count - 1) m
				""")
			.param("first", first)
			.param("count", count)
			.param("domain", domain)
			.param("now", Timestamp.from(now))
			.update();
	}

	static void optIn(OptIns optIns, long newsletterId, long first, int count) {
		optIns.optInAll(newsletterId, LongStream.range(first, first + count).boxed().toList());
	}

	static String address(long memberId, String domain) {
		return "reader" + memberId + "@" + domain;
	}

}
