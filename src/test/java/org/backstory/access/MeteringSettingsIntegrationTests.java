package org.backstory.access;

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
 * Metering stored in the database: the environment's value until staff set one, fresh on
 * every node.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SettableClock.Configuration.class)
class MeteringSettingsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	private final AtomicLong nanos = new AtomicLong();

	private MeteringSettings settings;

	private Object stored;

	@BeforeEach
	void notSetYet() {
		stored = jdbc.sql("select metered_reads from access.settings")
			.query((rs, row) -> new Object[] { rs.getObject(1) })
			.single()[0];
		jdbc.sql("update access.settings set metered_reads = null").update();
		settings = new MeteringSettings(jdbc, new AccessProperties(3), nanos::get);
	}

	/** The database is shared: what other tests' nodes read goes back to what it was. */
	@AfterEach
	void putBack() {
		jdbc.sql("update access.settings set metered_reads = :reads").param("reads", stored, Types.INTEGER).update();
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
