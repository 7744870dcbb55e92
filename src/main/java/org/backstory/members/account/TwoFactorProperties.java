package org.backstory.members.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that seals staff two-factor secrets comes from.
 *
 * @param key the key, 32 bytes in Base64 ({@code BACKSTORY_TWO_FACTOR_KEY}, e.g. from
 * {@code openssl rand -base64
 * 32}); every node of a cluster needs the same one. Empty: {@code two-factor.key} in the
 * data directory, made on the first start
 */
@ConfigurationProperties("backstory.two-factor")
record TwoFactorProperties(@Nullable String key) {

	boolean configured() {
		return key != null && !key.isBlank();
	}

}
