package org.backstory.email.dkim;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DKIM signing settings. All three set: every message is signed; none set: no message is.
 * Anything in between stops the app at startup.
 *
 * @param domain the signing domain, {@code d=} ({@code BACKSTORY_DKIM_DOMAIN}); for DMARC
 * it must be the domain of the {@code From} addresses, or a parent of it
 * @param selector the selector, {@code s=} ({@code BACKSTORY_DKIM_SELECTOR}): the public
 * key is published at {@code <selector>._domainkey.<domain>}
 * @param privateKeyFile a PEM file with the RSA private key, PKCS#8
 * ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), unencrypted
 * ({@code BACKSTORY_DKIM_PRIVATE_KEY_FILE})
 */
@ConfigurationProperties("backstory.mail.dkim")
record DkimProperties(@Nullable String domain, @Nullable String selector, @Nullable String privateKeyFile) {

	/** Whether any of the settings is given, so signing is wanted. */
	boolean wanted() {
		return isSet(domain) || isSet(selector) || isSet(privateKeyFile);
	}

	static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
