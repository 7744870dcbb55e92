package org.backstory.members;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A SecureRandom that hands each thread its own DRBG. Every signed-in page carries a
 * freshly masked CSRF token for its sign-out form; with the JDK's default NativePRNG all
 * request threads queue on one global lock to read /dev/urandom, which under load became
 * the main wait of a signed-in page view.
 */
final class PerThreadSecureRandom extends SecureRandom {

	private static final long serialVersionUID = 1L;

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(PerThreadSecureRandom::drbg);

	@Override
	public void nextBytes(byte[] bytes) {
		RANDOM.get().nextBytes(bytes);
	}

	@Override
	public int nextInt() {
		return RANDOM.get().nextInt();
	}

	@Override
	public long nextLong() {
		return RANDOM.get().nextLong();
	}

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JDK has no DRBG SecureRandom", ex);
		}
	}

}
