package org.backstory.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeEventProcessorTests {

	@ParameterizedTest
	@CsvSource({ "1, 5", "2, 10", "3, 20", "8, 640", "10, 2560", "11, 3600", "50, 3600" })
	void failedEventsAreRetriedSoonAtFirstAndAtLeastHourly(int attempts, long seconds) {
		assertThat(StripeEventProcessor.backoff(attempts)).isEqualTo(Duration.ofSeconds(seconds));
	}

}
