package org.backstory.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.UUID;

import org.backstory.billing.BillingInterval;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class CheckoutRequestTests {

	@Test
	void anAbsentOrEmptyIntervalIsMonthlyAsTheOldRequestParameterDefaultWas() {
		assertThat(request(null, null).billingInterval()).isEqualTo(BillingInterval.MONTH);
		assertThat(request("", null).billingInterval()).isEqualTo(BillingInterval.MONTH);
		assertThat(request("year", null).billingInterval()).isEqualTo(BillingInterval.YEAR);
	}

	@Test
	void anUnknownIntervalIsABadRequestWithAReason() {
		assertThatExceptionOfType(ResponseStatusException.class)
			.isThrownBy(() -> request("week", null).billingInterval())
			.satisfies(ex -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getReason()).isEqualTo("interval must be month or year");
			});
	}

	@Test
	void theAttemptIsRequiredAndMustBeAUuid() {
		UUID attempt = UUID.randomUUID();
		assertThat(request(null, attempt.toString()).attemptId()).isEqualTo(attempt);
		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> request(null, null).attemptId())
			.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThatExceptionOfType(ResponseStatusException.class)
			.isThrownBy(() -> request(null, "not-a-uuid").attemptId())
			.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	private static CheckoutRequest request(String interval, String attempt) {
		return new CheckoutRequest(interval, null, null, null, attempt, null, null);
	}

}
