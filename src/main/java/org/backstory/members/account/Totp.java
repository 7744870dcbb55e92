package org.backstory.members.account;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them and authenticator apps compute
 * them: HMAC-SHA1 of the number of 30-second steps since the Unix epoch, dynamically
 * truncated (RFC 4226 section 5.3) to 6 decimal digits.
 */
public final class Totp {

	/** The length of a step: a code changes every 30 seconds. */
	public static final Duration STEP = Duration.ofSeconds(30);

	/** The digits of a code. */
	public static final int DIGITS = 6;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	/**
	 * The step {@code at} falls in: whole 30-second periods since 1970-01-01T00:00:00Z.
	 */
	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
	}

	/** The 6-digit code of {@code step}, with leading zeros. */
	public static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	/**
	 * The code of {@code step} with {@code digits} digits (6 to 8), with leading zeros.
	 */
	public static String code(byte[] secret, long step, int digits) {
		if (digits < 6 || digits > 8) {
			throw new IllegalArgumentException("a TOTP code has 6 to 8 digits");
		}
		byte[] hash = hmacSha1(secret, step);
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
				| (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	private static byte[] hmacSha1(byte[] secret, long step) {
		byte[] counter = ByteBuffer.allocate(Long.BYTES).putLong(step).array();
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			return mac.doFinal(counter);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA1", ex);
		}
	}

}
