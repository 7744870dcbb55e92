package org.backstory.members.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.SecretFile;
import org.backstory.shared.SecretSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the key that seals two-factor secrets lives: not in the database, so that a copy
 * of the database alone gives nobody a second factor. {@code BACKSTORY_TWO_FACTOR_KEY}
 * when it is set (required for several app nodes, which must share it); otherwise
 * {@code two-factor.key} in the data directory, 256 random bits made on the first start
 * and readable by the app's user only (mode 0600), as the embedded database's password
 * is.
 * <p>
 * At start, the key is compared with the fingerprint the database keeps of the key that
 * sealed its secrets. A different key while staff have two-factor on stops the start with
 * one sentence: going on would refuse every one of their sign-ins. Without any, the old
 * fingerprint and unconfirmed setups are dropped.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorKeyConfiguration {

	static final String KEY_FILE = "two-factor.key";

	private static final Logger log = LoggerFactory.getLogger(TwoFactorKeyConfiguration.class);

	@Bean
	TwoFactorKey twoFactorKey(TwoFactorProperties properties, BackstoryProperties app, JdbcClient jdbc) {
		TwoFactorKey key = properties.configured() ? decode(properties.key(), "BACKSTORY_TWO_FACTOR_KEY")
				: fromFile(app.dataDir().resolve(KEY_FILE));
		check(key, jdbc);
		return key;
	}

	/**
	 * The app's one {@link SecretSeal}, under the two-factor key: the api module seals
	 * Admin API key secrets with it, so one key outside the database protects every
	 * secret the server must read back.
	 */
	@Bean
	SecretSeal secretSeal(TwoFactorKey key) {
		return key.seal();
	}

	static TwoFactorKey fromFile(Path file) {
		try {
			return decode(SecretFile.readOrCreate(file), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The key in {@code text}: 32 bytes in Base64, standard or URL-safe, padded or not.
	 */
	static TwoFactorKey decode(String text, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(text.strip().replace('+', '-').replace('/', '_').replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTwoFactorKeyException("The two-factor key in " + source + " is not Base64.", ex);
		}
		if (bytes.length != TwoFactorKey.KEY_BYTES) {
			throw new InvalidTwoFactorKeyException("The two-factor key in " + source + " has " + bytes.length
					+ " bytes; it needs 32 (make one with: openssl rand -base64 32).", null);
		}
		return new TwoFactorKey(bytes);
	}

	static void check(TwoFactorKey key, JdbcClient jdbc) {
		Optional<byte[]> stored = jdbc.sql("select key_check from members.two_factor_settings where id = 1")
			.query((rs, row) -> Optional.ofNullable(rs.getBytes(1)))
			.single();
		if (stored.isEmpty() || MessageDigest.isEqual(stored.get(), key.fingerprint())) {
			return;
		}
		boolean inUse = jdbc.sql("select exists (select 1 from members.two_factor where confirmed_at is not null)")
			.query(Boolean.class)
			.single();
		if (inUse) {
			throw new InvalidTwoFactorKeyException("Backstory will not start because its two-factor key is not the "
					+ "one that sealed the staff's two-factor secrets, so none of them could sign in.", null);
		}
		jdbc.sql("delete from members.two_factor").update();
		jdbc.sql("update members.two_factor_settings set key_check = null where id = 1").update();
		log.warn("Two-factor key changed while no one had two-factor on: unconfirmed setups dropped");
	}

}
