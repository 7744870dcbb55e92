package org.backstory.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.backstory.billing.Receipt;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz tests of Stripe's webhook intake: any body with any {@code Stripe-Signature}
 * header is stored or refused with a reason, never met with an exception; a body signed
 * with the endpoint's secret within the tolerance is taken, and a change to any one byte
 * of it or of its signature is refused. The inputs in
 * {@code StripeWebhookFuzzTestsInputs} run in every build; {@code bench/fuzz.sh} fuzzes
 * from them.
 */
class StripeWebhookFuzzTests {

	private static final String SECRET = "whsec_fuzz_signing_secret";

	/**
	 * The clock of every check; the seed deliveries were signed two seconds before it.
	 */
	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Payload bytes changed one at a time per input; a longer payload is sampled at even
	 * steps.
	 */
	private static final int CHANGED_PAYLOAD_BYTES = 256;

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final StripeSignature signature = new StripeSignature(SECRET, clock);

	private final StripeWebhooks webhooks = new StripeWebhooks(
			new StripeProperties(null, SECRET, "http://127.0.0.1:9", null, StripeStandIn.JS_URL), new Inbox(), JSON,
			clock);

	/**
	 * The input is a delivery as it reaches the controller: its first line is the
	 * {@code Stripe-Signature} header (as ISO-8859-1, how the server decodes header
	 * bytes), the rest is the body; without a line break there is no header.
	 */
	@FuzzTest
	@Timeout(10)
	void anyDeliveryIsStoredOrRefusedWithAReason(byte[] input) {
		int lineEnd = indexOf(input, (byte) '\n');
		String header = lineEnd < 0 ? null : new String(input, 0, lineEnd, StandardCharsets.ISO_8859_1);
		byte[] payload = lineEnd < 0 ? input : Arrays.copyOfRange(input, lineEnd + 1, input.length);

		StripeWebhooks.Receipt receipt = webhooks.receive(payload, header);

		if (receipt instanceof StripeWebhooks.Receipt.Rejected rejected) {
			assertThat(rejected.reason()).isNotBlank();
		}
		else {
			assertThat(receipt).isInstanceOfAny(StripeWebhooks.Receipt.Stored.class,
					StripeWebhooks.Receipt.Duplicate.class);
			assertThat(StripeEvent.parse(JSON, new String(payload, StandardCharsets.UTF_8))).isPresent();
		}
	}

	/**
	 * The input is a body. Signed now (give or take the tolerance, chosen from the input)
	 * it passes the signature check and is then stored or refused as not an event;
	 * changed in any one byte, signed too late or too early, or with any one byte of its
	 * timestamp or {@code v1} signature changed, it is refused. Only a change of case in
	 * the hex signature may pass: it is the same signature. The {@code v0} part is
	 * Stripe's test-mode extra, which no one checks.
	 */
	@FuzzTest
	@Timeout(10)
	void aSignedPayloadIsTakenAndAnyChangedByteRefused(byte[] payload) {
		int seed = Arrays.hashCode(payload);
		long tolerance = StripeSignature.TOLERANCE.toSeconds();
		long signedAt = NOW.getEpochSecond() - (Math.floorMod(seed, 2 * tolerance + 1) - tolerance);
		String header = header(signedAt, payload);
		byte change = (byte) (1 + Math.floorMod(seed >>> 8, 255));

		assertThatNoException().isThrownBy(() -> signature.verify(payload, header));
		StripeWebhooks.Receipt receipt = webhooks.receive(payload, header);
		if (receipt instanceof StripeWebhooks.Receipt.Rejected rejected) {
			assertThat(rejected.reason()).isEqualTo("not a Stripe event");
		}

		int step = Math.max(1, payload.length / CHANGED_PAYLOAD_BYTES);
		for (int position = Math.floorMod(seed, step); position < payload.length; position += step) {
			byte[] changed = payload.clone();
			changed[position] ^= change;
			assertRefused(changed, header);
		}
		byte[] headerBytes = header.getBytes(StandardCharsets.ISO_8859_1);
		for (int position = 0; position <= header.indexOf(",v0="); position++) {
			byte[] changed = headerBytes.clone();
			changed[position] ^= change;
			String changedHeader = new String(changed, StandardCharsets.ISO_8859_1);
			if (!changedHeader.equalsIgnoreCase(header)) {
				assertRefused(payload, changedHeader);
			}
		}
		assertRefused(payload, header(NOW.getEpochSecond() - tolerance - 1 - Math.floorMod(seed, 1000), payload));
		assertRefused(payload, header(NOW.getEpochSecond() + tolerance + 1 + Math.floorMod(seed, 1000), payload));
	}

	private void assertRefused(byte[] payload, String header) {
		assertThatExceptionOfType(StripeSignature.Invalid.class).as("Stripe-Signature: %s", header)
			.isThrownBy(() -> signature.verify(payload, header));
	}

	/**
	 * The header Stripe sends: the time, the signature, and in test mode a v0 signature
	 * nobody checks.
	 */
	private static String header(long signedAt, byte[] payload) {
		byte[] prefix = (signedAt + ".").getBytes(StandardCharsets.US_ASCII);
		byte[] signed = Arrays.copyOf(prefix, prefix.length + payload.length);
		System.arraycopy(payload, 0, signed, prefix.length, payload.length);
		return "t=" + signedAt + ",v1=" + StripeStandIn.hmac(SECRET, signed) + ",v0="
				+ StripeStandIn.hmac("whsec_another_endpoint", signed);
	}

	private static int indexOf(byte[] bytes, byte wanted) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	/** Stores each event id once, as the inbox table's primary key does. */
	private static final class Inbox extends StripeEventInbox {

		private final Set<String> ids = new HashSet<>();

		Inbox() {
			super(null, null, null);
		}

		@Override
		boolean store(StripeEvent event, String payload) {
			return ids.add(event.id());
		}

	}

}
