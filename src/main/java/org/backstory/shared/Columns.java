package org.backstory.shared;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Nullable number columns read from a row: JDBC answers 0 for SQL null and says so only
 * through {@link ResultSet#wasNull()}, a two-line dance every mapper would repeat.
 */
public final class Columns {

	private Columns() {
	}

	public static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	public static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}
