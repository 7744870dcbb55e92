package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner's choice about open and click tracking: one row, absent until first saved.
 */
@Repository
class AnalyticsSettingRepository {

	private final JdbcClient jdbc;

	AnalyticsSettingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean tracking() {
		return jdbc.sql("select tracking from newsletters.analytics_setting where id = 1")
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void save(boolean tracking, @Nullable Long staffId, Instant now) {
		jdbc.sql("""
				insert into newsletters.analytics_setting (id, tracking, changed_by, changed_at)
				values (1, :tracking, :staff, :now)
				on conflict (id) do update set tracking = excluded.tracking, changed_by = excluded.changed_by,
				  changed_at = excluded.changed_at""")
			.param("tracking", tracking)
			.param("staff", staffId)
			.param("now", Timestamp.from(now))
			.update();
	}

}
