package org.backstory.newsletters;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one link signing key's row, behind {@link SigningKeys}.
 */
@Component
class SigningKeyRepository {

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores {@code fresh} unless a key is already stored; returns the stored key. */
	byte[] keepFirst(byte[] fresh, Instant now) {
		jdbc.sql("""
				insert into newsletters.signing_key (id, secret, created_at) values (1, :secret, :now)
				on conflict (id) do nothing""").param("secret", fresh).param("now", Timestamp.from(now)).update();
		return jdbc.sql("select secret from newsletters.signing_key where id = 1").query(byte[].class).single();
	}

}
