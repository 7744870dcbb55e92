package org.backstory.members.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals two-factor secrets for the database with AES-256-GCM. The server must read a secret back to compute
 * codes, so it cannot be hashed; sealed, a copy of the database (a backup, a leaked dump) gives nobody the
 * second factor without the key, which lives outside it ({@link TwoFactorKeyConfiguration}). Each secret is
 * bound to its member: the member id is authenticated with it, so a sealed secret copied into another
 * member's row does not open.
 * <p>
 * A sealed secret is a version byte, a random 96-bit nonce, then the ciphertext with its 128-bit tag.
 */
final class TwoFactorKey {

	static final int KEY_BYTES = 32;

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(TwoFactorKey.class);

	private final SecretKeySpec key;

	TwoFactorKey(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("a two-factor key has 32 bytes");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/** {@code secret} sealed for {@code memberId}. */
	byte[] seal(long memberId, byte[] secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, memberId, nonce);
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has AES-GCM", ex);
		}
	}

	/**
	 * The secret {@link #seal} sealed for {@code memberId}. Fails with {@link WrongTwoFactorKeyException} when
	 * it was sealed with another key, for another member, or altered since.
	 */
	byte[] open(long memberId, byte[] sealed) {
		try {
			if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
				throw new GeneralSecurityException("not a sealed secret");
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, memberId, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES));
			return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			log.error("Two-factor secret of memberId={} does not open with this node's key", memberId);
			throw new WrongTwoFactorKeyException();
		}
	}

	/**
	 * A fingerprint of the key that reveals nothing of it (16 bytes of an HMAC of a fixed text), kept in the
	 * database to tell whether a node holds the key the secrets were sealed with.
	 */
	byte[] fingerprint() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal("backstory two-factor key check".getBytes(StandardCharsets.US_ASCII)), 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

	private Cipher cipher(int mode, long memberId, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(("members.two_factor:" + memberId).getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

}
