package org.backstory.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Instants to and from {@code timestamptz} columns, which the JDBC driver speaks as
 * {@link Timestamp}.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static @Nullable Timestamp of(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	public static Instant require(ResultSet rs, String column) throws SQLException {
		Instant instant = read(rs, column);
		if (instant == null) {
			throw new IllegalStateException(column + " is null");
		}
		return instant;
	}

}
