package org.backstory.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ghost's webhook signature:
 * {@code X-Ghost-Signature: sha256=<hex HMAC-SHA256(secret, body + t)>, t=<t>}, with
 * {@code t} the sending time in milliseconds (Ghost's {@code webhook-trigger.js}). A
 * receiver recomputes the HMAC over the raw body followed by the decimal timestamp, and
 * may refuse old timestamps against replays.
 */
final class Signature {

	static final String HEADER = "X-Ghost-Signature";

	private Signature() {
	}

	static String header(String secret, String body, long timestampMillis) {
		return "sha256=" + hmac(secret, body + timestampMillis) + ", t=" + timestampMillis;
	}

	static String hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

}
