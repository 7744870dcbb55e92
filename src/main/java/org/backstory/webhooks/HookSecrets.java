package org.backstory.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.backstory.shared.SecretSeal;
import org.springframework.stereotype.Component;

/**
 * A webhook's signing secret. Shown to staff once, when the webhook is added; the server
 * must read it back to sign every body, so it cannot be hashed: it is sealed with the
 * app's {@link SecretSeal} (AES-256-GCM under the key outside the database) and bound to
 * its webhook's id, so a sealed secret copied to another row does not open.
 */
@Component
class HookSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretSeal seal;

	HookSecrets(SecretSeal seal) {
		this.seal = seal;
	}

	/**
	 * A new secret: 32 random bytes as 64 hex characters (the form Ghost's admin shows).
	 */
	static String generate() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return HexFormat.of().formatHex(secret);
	}

	byte[] seal(long hookId, String secret) {
		return seal.seal(context(hookId), secret.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The secret, or empty when it was sealed under another key (the node's key changed)
	 * or altered.
	 */
	Optional<String> open(long hookId, byte[] sealed) {
		return seal.open(context(hookId), sealed).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
	}

	private static String context(long hookId) {
		return "webhooks.hook:" + hookId;
	}

}
