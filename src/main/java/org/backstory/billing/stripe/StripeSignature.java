package org.backstory.billing.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Checks a webhook delivery's {@code Stripe-Signature} header
 * ({@code t=<unix time>,v1=<hex>[,v1=<hex>…]}): one {@code v1} must be the HMAC-SHA256 of
 * {@code <t>.<payload>} under the endpoint's signing secret, and {@code t} within five
 * minutes of our clock either way, so a captured delivery cannot be replayed later.
 * Several {@code v1} values appear while Stripe rolls the secret over; any one may match.
 */
final class StripeSignature {

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final SecretKeySpec key;

	private final Clock clock;

	StripeSignature(String secret, Clock clock) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock;
	}

	/**
	 * The header does not vouch for the payload; the message says why, for the 400 answer
	 * and the log.
	 */
	static final class Invalid extends Exception {

		Invalid(String message) {
			super(message);
		}

	}

	/**
	 * Returns normally only if {@code header} signs {@code payload} (the raw request
	 * body) just now.
	 */
	void verify(byte[] payload, @Nullable String header) throws Invalid {
		if (header == null || header.isBlank()) {
			throw new Invalid("missing Stripe-Signature header");
		}
		Long timestamp = null;
		List<byte[]> signatures = new ArrayList<>();
		for (String element : header.split(",")) {
			int equals = element.indexOf('=');
			if (equals <= 0) {
				continue;
			}
			String name = element.substring(0, equals).strip();
			String value = element.substring(equals + 1).strip();
			if (name.equals("t")) {
				timestamp = parseTimestamp(value);
			}
			else if (name.equals("v1")) {
				signatures.add(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
			}
		}
		if (timestamp == null) {
			throw new Invalid("no timestamp in Stripe-Signature header");
		}
		if (signatures.isEmpty()) {
			throw new Invalid("no v1 signature in Stripe-Signature header");
		}
		byte[] expected = sign(timestamp, payload);
		boolean matches = false;
		for (byte[] signature : signatures) {
			matches |= MessageDigest.isEqual(expected, signature);
		}
		if (!matches) {
			throw new Invalid("signature does not match the payload");
		}
		Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
		if (age.compareTo(TOLERANCE) > 0) {
			throw new Invalid("timestamp is more than 5 minutes away from now");
		}
	}

	private static long parseTimestamp(String value) throws Invalid {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new Invalid("malformed timestamp in Stripe-Signature header");
		}
	}

	/** Lower-case hex of HMAC-SHA256({@code timestamp.payload}), as ASCII bytes. */
	private byte[] sign(long timestamp, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(payload)).getBytes(StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
