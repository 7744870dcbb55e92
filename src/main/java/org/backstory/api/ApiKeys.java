package org.backstory.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The shapes of Ghost's keys, made from a strong random source. A Content API key has 104
 * random bits, which no one can guess, so a plain SHA-256 of it is enough to keep and to
 * look it up by (no salt, no slow hash).
 */
final class ApiKeys {

	static final Pattern CONTENT_KEY = Pattern.compile("[0-9a-f]{26}");

	static final Pattern ADMIN_KEY_ID = Pattern.compile("[0-9a-f]{24}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final HexFormat HEX = HexFormat.of();

	private ApiKeys() {
	}

	static String contentKey() {
		return hex(13);
	}

	static String adminKeyId() {
		return hex(12);
	}

	static byte[] adminSecret() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return secret;
	}

	static String adminKey(String id, byte[] secret) {
		return id + ":" + HEX.formatHex(secret);
	}

	static byte[] hash(String contentKey) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(contentKey.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * What an Admin API secret is sealed for: its key id, so a sealed secret moved to
	 * another row does not open.
	 */
	static String sealContext(String adminKeyId) {
		return "api.integration:" + adminKeyId;
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return HEX.formatHex(random);
	}

}
