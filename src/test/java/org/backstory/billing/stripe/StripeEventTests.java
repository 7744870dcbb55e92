package org.backstory.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** Reading an event's envelope: found by StripeWebhookFuzzTests. */
class StripeEventTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "99999999999999999", "-99999999999999999", "18446744075474141696" })
	void aCreatedTimeNoInstantOrLongCanHoldIsNotAnEvent(String created) {
		String payload = StripeStandIn.event("evt_test_far", "invoice.paid", 0, "{\"id\": \"in_test_far\"}")
			.replace("\"created\": 0", "\"created\": " + created);

		assertThat(StripeEvent.parse(JSON, payload)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 1764590400 })
	void anOrdinaryCreatedTimeIsRead(long created) {
		String payload = StripeStandIn.event("evt_test_now", "invoice.paid", created, "{\"id\": \"in_test_now\"}");

		assertThat(StripeEvent.parse(JSON, payload))
			.hasValueSatisfying(event -> assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(created)));
	}

}
