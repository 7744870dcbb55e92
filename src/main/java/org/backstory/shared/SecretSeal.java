package org.backstory.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the server must read back (a TOTP secret, an Admin API key's HMAC secret)
 * with AES-256-GCM, so that a copy of the database alone gives nobody the secret. The key
 * lives outside the database: the app has one {@code SecretSeal} bean, made by the
 * members module from {@code BACKSTORY_TWO_FACTOR_KEY} or the data directory's
 * {@code two-factor.key} ({@link SecretFile}). Each sealed value is bound to a context
 * (e.g. the row it belongs to): it is authenticated with it, so a sealed value copied
 * into another row does not open.
 * <p>
 * A sealed value is a version byte, a random 96-bit nonce, then the ciphertext with its
 * 128-bit tag.
 */
public final class SecretSeal {

	/** The key's length: 256 bits. */
	public static final int KEY_BYTES = 32;

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	public SecretSeal(byte[] key) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("a sealing key has 32 bytes");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/** {@code secret} sealed for {@code context}. */
	public byte[] seal(String context, byte[] secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			byte[] sealed = cipher(Cipher.ENCRYPT_MODE, context, nonce).doFinal(secret);
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has AES-GCM", ex);
		}
	}

	/**
	 * The secret {@link #seal} sealed for {@code context}; empty when it was sealed with
	 * another key, for another context, or altered since.
	 */
	public Optional<byte[]> open(String context, byte[] sealed) {
		if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
			return Optional.empty();
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, context, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES));
			return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A fingerprint of the key that reveals nothing of it (16 bytes of an HMAC of
	 * {@code label}), for a database to keep so a node can tell whether it holds the key
	 * its values were sealed with.
	 */
	public byte[] fingerprint(String label) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(label.getBytes(StandardCharsets.US_ASCII)), 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

	private Cipher cipher(int mode, String context, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
