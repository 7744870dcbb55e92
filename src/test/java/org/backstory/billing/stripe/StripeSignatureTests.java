package org.backstory.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

/** The webhook signature check, cross-checked against stripe-java's own. */
class StripeSignatureTests {

	private static final String SECRET = "whsec_test_signing";

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private static final String PAYLOAD = StripeStandIn.event("evt_test_1", "payment_method.updated",
			NOW.getEpochSecond(), "{\"id\": \"pm_test_1\", \"object\": \"payment_method\"}");

	private final StripeSignature signature = new StripeSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

	private static String header(Instant at) {
		return StripeStandIn.signatureHeader(PAYLOAD, at.getEpochSecond(), SECRET);
	}

	private void verify(String payload, String header) throws StripeSignature.Invalid {
		signature.verify(payload.getBytes(StandardCharsets.UTF_8), header);
	}

	private String rejection(String payload, String header) {
		try {
			verify(payload, header);
		}
		catch (StripeSignature.Invalid ex) {
			return ex.getMessage();
		}
		throw new AssertionError("accepted " + header);
	}

	@Test
	void aDeliverySignedJustNowIsAccepted() {
		assertThatCode(() -> verify(PAYLOAD, header(NOW.minusSeconds(3)))).doesNotThrowAnyException();
	}

	@Test
	void ourSignaturesAreStripesSignatures() throws Exception {
		long t = NOW.getEpochSecond();
		String stripes = Webhook.Util.computeHmacSha256(SECRET, t + "." + PAYLOAD);

		assertThat(StripeStandIn.hmac(SECRET, t + "." + PAYLOAD)).isEqualTo(stripes);
		assertThat(Webhook.Signature.verifyHeader(PAYLOAD, header(NOW), SECRET, 300, Clock.fixed(NOW, ZoneOffset.UTC)))
			.isTrue();
		assertThatCode(() -> verify(PAYLOAD, "t=" + t + ",v1=" + stripes)).doesNotThrowAnyException();
	}

	@Test
	void anyOfSeveralSignaturesMayMatchWhileTheSecretRollsOver() {
		long t = NOW.getEpochSecond();
		String old = StripeStandIn.hmac("whsec_test_old", t + "." + PAYLOAD);
		String current = StripeStandIn.hmac(SECRET, t + "." + PAYLOAD);

		assertThatCode(() -> verify(PAYLOAD, "t=" + t + ",v1=" + old + ",v1=" + current + ",v0=ignored"))
			.doesNotThrowAnyException();
	}

	@Test
	void aSignatureWithAnotherSecretIsRejected() {
		String header = StripeStandIn.signatureHeader(PAYLOAD, NOW.getEpochSecond(), "whsec_test_other");

		assertThat(rejection(PAYLOAD, header)).isEqualTo("signature does not match the payload");
	}

	@Test
	void aChangedPayloadIsRejected() {
		assertThat(rejection(PAYLOAD.replace("pm_test_1", "pm_test_2"), header(NOW)))
			.isEqualTo("signature does not match the payload");
	}

	@Test
	void aDeliveryOlderOrNewerThanFiveMinutesIsRejected() {
		assertThat(rejection(PAYLOAD, header(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1))))
			.isEqualTo("timestamp is more than 5 minutes away from now");
		assertThat(rejection(PAYLOAD, header(NOW.plus(Duration.ofMinutes(6)))))
			.isEqualTo("timestamp is more than 5 minutes away from now");
		assertThatCode(() -> verify(PAYLOAD, header(NOW.minus(Duration.ofMinutes(5))))).doesNotThrowAnyException();
	}

	@Test
	void aMissingOrIncompleteHeaderIsRejected() {
		String v1 = "v1=" + StripeStandIn.hmac(SECRET, NOW.getEpochSecond() + "." + PAYLOAD);

		assertThat(rejection(PAYLOAD, null)).isEqualTo("missing Stripe-Signature header");
		assertThat(rejection(PAYLOAD, " ")).isEqualTo("missing Stripe-Signature header");
		assertThat(rejection(PAYLOAD, v1)).isEqualTo("no timestamp in Stripe-Signature header");
		assertThat(rejection(PAYLOAD, "t=" + NOW.getEpochSecond()))
			.isEqualTo("no v1 signature in Stripe-Signature header");
		assertThat(rejection(PAYLOAD, "t=yesterday," + v1)).isEqualTo("malformed timestamp in Stripe-Signature header");
	}

	@Test
	void theSignatureCoversTheExactBytes() {
		assertThatExceptionOfType(StripeSignature.Invalid.class).isThrownBy(() -> verify(PAYLOAD + "\n", header(NOW)));
	}

}
