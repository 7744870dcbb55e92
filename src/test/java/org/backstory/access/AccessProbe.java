package org.backstory.access;

import java.sql.Types;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-side reader of the access module's settings, for other modules' tests that read
 * and put back {@code access.settings} as stored.
 */
public final class AccessProbe {

	private AccessProbe() {
	}

	/** The free reads a month as stored, empty when metering was never set. */
	public static Optional<Integer> meteredReads(JdbcClient jdbc) {
		return jdbc.sql("select metered_reads from access.settings")
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Integer.class)))
			.single();
	}

	/** Puts back a value read with {@link #meteredReads}, unset included. */
	public static void putBackMeteredReads(JdbcClient jdbc, Optional<Integer> reads) {
		jdbc.sql("update access.settings set metered_reads = :reads")
			.param("reads", reads.orElse(null), Types.INTEGER)
			.update();
	}

}
