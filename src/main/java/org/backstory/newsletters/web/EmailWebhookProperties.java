package org.backstory.newsletters.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the mail provider's bounce and complaint webhook is authenticated.
 *
 * @param webhookSecret the shared secret the provider sends as
 * {@code Authorization: Bearer <secret>} ({@code BACKSTORY_EMAIL_WEBHOOK_SECRET});
 * without one, {@code /webhooks/email} does not exist
 */
@ConfigurationProperties("backstory.newsletters")
record EmailWebhookProperties(@Nullable String webhookSecret) {

	boolean enabled() {
		return webhookSecret != null && !webhookSecret.isBlank();
	}

	/**
	 * Whether the {@code Authorization} header carries the secret. Both sides are hashed
	 * before the constant-time comparison, so neither the content nor the length of the
	 * secret leaks through timing.
	 */
	boolean authorizes(@Nullable String authorization) {
		String secret = webhookSecret;
		if (secret == null || secret.isBlank() || authorization == null
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return MessageDigest.isEqual(sha256(authorization.substring(7).strip()), sha256(secret));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
