package org.backstory.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class MailDeliveryTests {

	@Test
	void waitsDoubleAfterEachFailedAttemptUpToSixHours() {
		assertThat(MailDelivery.wait(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(MailDelivery.wait(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(MailDelivery.wait(5)).isEqualTo(Duration.ofMinutes(16));
		assertThat(MailDelivery.wait(9)).isEqualTo(Duration.ofMinutes(256));
		assertThat(MailDelivery.wait(10)).isEqualTo(Duration.ofHours(6));
		assertThat(MailDelivery.wait(40)).isEqualTo(Duration.ofHours(6));
	}

}
