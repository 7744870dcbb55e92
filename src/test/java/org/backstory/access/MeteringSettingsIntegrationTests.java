package org.backstory.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.backstory.OwnDatabase;
import org.backstory.shared.RecentValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Metering stored in the database: the environment's value until staff set one, fresh on every node. */
@SpringBootTest(properties = "backstory.access.metered-reads=3")
@OwnDatabase("settings_freshness")
class MeteringSettingsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccessProperties properties;

	private final AtomicLong nanos = new AtomicLong();

	private MeteringSettings settings;

	@BeforeEach
	void notSetYet() {
		jdbc.sql("update access.settings set metered_reads = null").update();
		settings = new MeteringSettings(jdbc, properties, nanos::get);
	}

	@Test
	void theEnvironmentsAllowanceAppliesUntilStaffSetOne() {
		assertThat(settings.freeReadsPerMonth()).isEqualTo(3);
		assertThat(settings.defaultFreeReadsPerMonth()).isEqualTo(3);

		settings.change(5);

		assertThat(settings.freeReadsPerMonth()).isEqualTo(5);
		assertThat(settings.defaultFreeReadsPerMonth()).isEqualTo(3);
	}

	@Test
	void aChangeMadeOnAnotherNodeIsSeenWithinTenSeconds() {
		assertThat(settings.freeReadsPerMonth()).isEqualTo(3);

		jdbc.sql("update access.settings set metered_reads = 8").update();
		nanos.addAndGet(RecentValue.MAX_AGE.toNanos() - 1);
		assertThat(settings.freeReadsPerMonth()).as("still the cached value").isEqualTo(3);

		nanos.addAndGet(1);
		assertThat(RecentValue.MAX_AGE).isLessThan(Duration.ofSeconds(10));
		assertThat(settings.freeReadsPerMonth()).isEqualTo(8);
	}

	@Test
	void anAllowanceOutOfRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings.change(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> settings.change(MeteringSettings.MAX_FREE_READS + 1));
		assertThat(settings.freeReadsPerMonth()).isEqualTo(3);
	}

}
