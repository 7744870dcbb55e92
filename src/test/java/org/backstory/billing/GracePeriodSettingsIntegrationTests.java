package org.backstory.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.sql.Types;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.backstory.publishing.SettableClock;
import org.backstory.shared.RecentValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grace period stored in the database: the environment's value until staff set one,
 * fresh on every node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class GracePeriodSettingsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	private final AtomicLong nanos = new AtomicLong();

	private GracePeriodSettings settings;

	private Object stored;

	@BeforeEach
	void notSetYet() {
		stored = jdbc.sql("select grace_period_seconds from billing.settings")
			.query((rs, row) -> new Object[] { rs.getObject(1) })
			.single()[0];
		jdbc.sql("update billing.settings set grace_period_seconds = null").update();
		settings = new GracePeriodSettings(new BillingSettingsRepository(jdbc),
				new BillingProperties(Duration.ofDays(7)), nanos::get);
	}

	/** The database is shared: what other tests' nodes read goes back to what it was. */
	@AfterEach
	void putBack() {
		jdbc.sql("update billing.settings set grace_period_seconds = :seconds")
			.param("seconds", stored, Types.BIGINT)
			.update();
	}

	@Test
	void theEnvironmentsGracePeriodAppliesUntilStaffSetOne() {
		assertThat(settings.gracePeriod()).isEqualTo(Duration.ofDays(7));

		settings.change(Duration.ofDays(3));

		assertThat(settings.gracePeriod()).isEqualTo(Duration.ofDays(3));
		assertThat(settings.defaultGracePeriod()).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void aChangeMadeOnAnotherNodeIsSeenWithinTenSeconds() {
		assertThat(settings.gracePeriod()).isEqualTo(Duration.ofDays(7));

		jdbc.sql("update billing.settings set grace_period_seconds = 86400").update();
		nanos.addAndGet(RecentValue.MAX_AGE.toNanos() - 1);
		assertThat(settings.gracePeriod()).as("still the cached value").isEqualTo(Duration.ofDays(7));

		nanos.addAndGet(1);
		assertThat(settings.gracePeriod()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void aGracePeriodOutOfRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings.change(Duration.ofDays(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> settings.change(GracePeriodSettings.MAX.plusDays(1)));
		assertThat(settings.gracePeriod()).isEqualTo(Duration.ofDays(7));
	}

}
