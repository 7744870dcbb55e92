package org.backstory.newsletters;

import java.security.SecureRandom;
import java.time.Clock;

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

	private final SigningKeyRepository repository;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SigningKeys(SigningKeyRepository repository, PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
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
			return repository.keepFirst(fresh, clock.instant());
		});
		if (key == null) {
			throw new IllegalStateException("the link signing key could not be read");
		}
		return key;
	}

}
