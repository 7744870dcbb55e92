package org.backstory.members.account;

import org.backstory.shared.SecretSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals two-factor secrets for the database ({@link SecretSeal}, AES-256-GCM). The server
 * must read a secret back to compute codes, so it cannot be hashed; sealed, a copy of the
 * database (a backup, a leaked dump) gives nobody the second factor without the key,
 * which lives outside it ({@link TwoFactorKeyConfiguration}). Each secret is bound to its
 * member: the member id is authenticated with it, so a sealed secret copied into another
 * member's row does not open.
 */
final class TwoFactorKey {

	static final int KEY_BYTES = SecretSeal.KEY_BYTES;

	private static final Logger log = LoggerFactory.getLogger(TwoFactorKey.class);

	private final SecretSeal seal;

	TwoFactorKey(byte[] key) {
		this.seal = new SecretSeal(key);
	}

	/**
	 * The seal under this key, for other secrets the server must read back (the app's one
	 * seal).
	 */
	SecretSeal seal() {
		return seal;
	}

	/** {@code secret} sealed for {@code memberId}. */
	byte[] seal(long memberId, byte[] secret) {
		return seal.seal(context(memberId), secret);
	}

	/**
	 * The secret {@link #seal} sealed for {@code memberId}. Fails with
	 * {@link WrongTwoFactorKeyException} when it was sealed with another key, for another
	 * member, or altered since.
	 */
	byte[] open(long memberId, byte[] sealed) {
		return seal.open(context(memberId), sealed).orElseThrow(() -> {
			log.error("Two-factor secret of memberId={} does not open with this node's key", memberId);
			return new WrongTwoFactorKeyException();
		});
	}

	/**
	 * A fingerprint of the key that reveals nothing of it (16 bytes of an HMAC of a fixed
	 * text), kept in the database to tell whether a node holds the key the secrets were
	 * sealed with.
	 */
	byte[] fingerprint() {
		return seal.fingerprint("backstory two-factor key check");
	}

	private static String context(long memberId) {
		return "members.two_factor:" + memberId;
	}

}
