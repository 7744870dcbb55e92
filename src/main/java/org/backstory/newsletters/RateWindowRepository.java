package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-minute counter rows behind {@link RateLimit}.
 */
@Component
class RateWindowRepository {

	private final JdbcClient jdbc;

	RateWindowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many messages the minute has used so far, its row made if need be and locked
	 * until the transaction ends.
	 */
	int lockUsed(Instant minute) {
		jdbc.sql("insert into newsletters.rate_window (minute, used) values (:minute, 0) on conflict do nothing")
			.param("minute", Timestamp.from(minute))
			.update();
		return jdbc.sql("select used from newsletters.rate_window where minute = :minute for update")
			.param("minute", Timestamp.from(minute))
			.query(Integer.class)
			.single();
	}

	void use(Instant minute, int messages) {
		jdbc.sql("update newsletters.rate_window set used = used + :allowed where minute = :minute")
			.param("allowed", messages)
			.param("minute", Timestamp.from(minute))
			.update();
	}

	void forgetBefore(Instant minute) {
		jdbc.sql("delete from newsletters.rate_window where minute < :old")
			.param("old", Timestamp.from(minute))
			.update();
	}

}
