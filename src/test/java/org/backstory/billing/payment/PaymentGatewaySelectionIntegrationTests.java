package org.backstory.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;

import org.backstory.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without a Stripe secret key the sandbox takes cards on our form and there is no Stripe
 * webhook endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentGatewaySelectionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PaymentGateway gateway;

	@Test
	void theSandboxIsTheGatewayAndTakesCardsOnOurForm() {
		assertThat(gateway.name()).isEqualTo("sandbox");
		assertThat(gateway.cardEntry()).isEqualTo(PaymentGateway.CardEntry.FORM);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> gateway.startCardSetup(
				new PaymentGateway.CardSetup(1, "a@example.test", null, "http://x/back", "http://x/cancel")));
	}

	@Test
	void theStripeWebhookEndpointDoesNotExist() {
		assertThat(new Visitor(port).post("/webhooks/stripe", Map.of("id", "evt_1")).status()).isEqualTo(404);
	}

}
