package org.backstory.newsletters;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key that signs unsubscribe and preference links, stored in the database so every
 * node of a cluster signs and checks with the same one. The first node to need it makes
 * it; the others read that one.
 */
@Component
class SigningKeys {

	private static final int KEY_BYTES = 32;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SigningKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		// A key handed out must be committed: were it made in the caller's transaction
		// and that rolled
		// back, links already signed with it would stop working, and other nodes would
		// make another.
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The link signing key, made now if there is none yet. */
	byte[] linkKey() {
		byte[] fresh = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(fresh);
		byte[] key = ownTransaction.execute(status -> {
			jdbc.sql("""
					insert into newsletters.signing_key (id, secret, created_at) values (1, :secret, :now)
					on conflict (id) do nothing""")
				.param("secret", fresh)
				.param("now", Timestamp.from(clock.instant()))
				.update();
			return jdbc.sql("select secret from newsletters.signing_key where id = 1").query(byte[].class).single();
		});
		if (key == null) {
			throw new IllegalStateException("the link signing key could not be read");
		}
		return key;
	}

}
