package org.backstory.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.backstory.members.MemberRole;
import org.backstory.shared.SecretSeal;
import org.backstory.shared.StaffActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrations and their keys: the owner creates, names and revokes them and regenerates
 * their keys (each change goes to the audit log); the APIs look keys up. A key is shown
 * in full only when it is made: the Content API key is kept as its SHA-256, the Admin API
 * key's secret sealed ({@link SecretSeal}). A revoked integration's keys open nothing.
 */
@Service
public class Integrations {

	/** The longest name an integration may have. */
	public static final int NAME_LENGTH = 80;

	private static final Logger log = LoggerFactory.getLogger(Integrations.class);

	private final IntegrationRepository repository;

	private final SecretSeal seal;

	private final StaffActions staffActions;

	private final Clock clock;

	private final ContentKeyCache contentKeys = new ContentKeyCache(System::nanoTime);

	Integrations(IntegrationRepository repository, SecretSeal seal, StaffActions staffActions, Clock clock) {
		this.repository = repository;
		this.seal = seal;
		this.staffActions = staffActions;
		this.clock = clock;
	}

	/** Every integration, active ones first, by name. */
	public List<Integration> list() {
		return repository.all();
	}

	public Optional<Integration> find(long id) {
		return repository.find(id);
	}

	/**
	 * Creates an integration for {@code actorId} and issues its keys.
	 * @throws IllegalArgumentException with a sentence for the owner when the name is
	 * empty or too long, or the role is not one of {@link Integration#ROLES}
	 */
	@Transactional
	public IssuedIntegration create(long actorId, String name, MemberRole role) {
		String checkedName = checkedName(name);
		if (!Integration.ROLES.contains(role)) {
			throw new IllegalArgumentException(
					"An integration acts as a contributor, author, editor or administrator.");
		}
		String contentKey = ApiKeys.contentKey();
		String adminKeyId = ApiKeys.adminKeyId();
		byte[] secret = ApiKeys.adminSecret();
		contentKeys.invalidate();
		long id = repository.insert(checkedName, role, ApiKeys.hash(contentKey), adminKeyId,
				seal.seal(ApiKeys.sealContext(adminKeyId), secret), actorId, clock.instant());
		staffActions.record(actorId, "integration.created", subject(id, checkedName),
				"role " + role.name().toLowerCase());
		return new IssuedIntegration(repository.find(id).orElseThrow(), contentKey,
				ApiKeys.adminKey(adminKeyId, secret));
	}

	/**
	 * Renames an active integration; false when there is none with this id.
	 * @throws IllegalArgumentException with a sentence for the owner when the name is
	 * empty or too long
	 */
	@Transactional
	public boolean rename(long actorId, long id, String name) {
		String checkedName = checkedName(name);
		Optional<Integration> before = repository.find(id);
		if (before.isEmpty() || !repository.rename(id, checkedName)) {
			return false;
		}
		contentKeys.invalidate();
		staffActions.record(actorId, "integration.renamed", subject(id, checkedName),
				"was \"" + before.get().name() + "\"");
		return true;
	}

	/**
	 * A new Content API key for an active integration (the old one stops working), or
	 * empty when there is none.
	 */
	@Transactional
	public Optional<String> regenerateContentKey(long actorId, long id) {
		String key = ApiKeys.contentKey();
		if (!repository.replaceContentKey(id, ApiKeys.hash(key))) {
			return Optional.empty();
		}
		contentKeys.invalidate();
		staffActions.record(actorId, "integration.content-key-regenerated", subject(id), "");
		return Optional.of(key);
	}

	/**
	 * A new Admin API key for an active integration (the old one stops working), or empty
	 * when there is none.
	 */
	@Transactional
	public Optional<String> regenerateAdminKey(long actorId, long id) {
		String keyId = ApiKeys.adminKeyId();
		byte[] secret = ApiKeys.adminSecret();
		if (!repository.replaceAdminKey(id, keyId, seal.seal(ApiKeys.sealContext(keyId), secret))) {
			return Optional.empty();
		}
		staffActions.record(actorId, "integration.admin-key-regenerated", subject(id), "");
		return Optional.of(ApiKeys.adminKey(keyId, secret));
	}

	/**
	 * Revokes an active integration: both its keys stop working at once. False when there
	 * is none to revoke.
	 */
	@Transactional
	public boolean revoke(long actorId, long id) {
		if (!repository.revoke(id, clock.instant())) {
			return false;
		}
		contentKeys.invalidate();
		staffActions.record(actorId, "integration.revoked", subject(id), "");
		return true;
	}

	/**
	 * The active integration whose Content API key this is; empty for anything else,
	 * malformed text included.
	 */
	public Optional<Integration> byContentKey(String key) {
		if (!ApiKeys.CONTENT_KEY.matcher(key).matches()) {
			return Optional.empty();
		}
		byte[] hash = ApiKeys.hash(key);
		return contentKeys.get(hash, () -> repository.activeByContentKeyHash(hash));
	}

	/**
	 * What the Admin API key with this id opens, while its integration is active. Empty
	 * for an unknown or malformed id, and when the secret does not open with this node's
	 * key (the key outside the database was changed: the owner must regenerate the
	 * integration's Admin API key).
	 */
	public Optional<AdminKey> adminKey(String keyId) {
		if (!ApiKeys.ADMIN_KEY_ID.matcher(keyId).matches()) {
			return Optional.empty();
		}
		return repository.activeAdminKey(keyId).flatMap(key -> {
			Optional<byte[]> secret = seal.open(ApiKeys.sealContext(keyId), key.sealedSecret());
			if (secret.isEmpty()) {
				log.error("Admin API key of integrationId={} does not open with this node's key",
						key.integration().id());
			}
			Integration integration = key.integration();
			return secret.map(bytes -> new AdminKey(integration.id(), integration.name(), integration.role(), bytes));
		});
	}

	private String subject(long id) {
		return subject(id, repository.find(id).map(Integration::name).orElse(""));
	}

	private static String subject(long id, String name) {
		return "integration " + id + " \"" + name + "\"";
	}

	private static String checkedName(String name) {
		String stripped = name.strip();
		if (stripped.isEmpty()) {
			throw new IllegalArgumentException("Give the integration a name.");
		}
		if (stripped.length() > NAME_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("A name has at most " + NAME_LENGTH + " characters, on one line.");
		}
		return stripped;
	}

}
