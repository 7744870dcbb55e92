package org.backstory.billing;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Billing's one row of settings staff change in the admin. */
@Repository
class BillingSettingsRepository {

	private final JdbcClient jdbc;

	BillingSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The grace period staff set, in seconds; empty until they set one. */
	Optional<Long> gracePeriodSeconds() {
		return jdbc.sql("select grace_period_seconds from billing.settings")
			.query((rs, row) -> Optional.ofNullable((Long) rs.getObject(1)))
			.optional()
			.flatMap(seconds -> seconds);
	}

	void saveGracePeriodSeconds(long seconds) {
		jdbc.sql("update billing.settings set grace_period_seconds = :seconds, updated_at = now()")
			.param("seconds", seconds)
			.update();
	}

}
