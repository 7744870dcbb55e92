package org.backstory.members.account;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing (Argon2 through Spring Security's delegating encoder); the rules are
 * {@link PasswordPolicy}'s.
 */
@Component
public class Passwords {

	public static final int MAX_LENGTH = 200;

	private final PasswordEncoder encoder;

	/**
	 * Compared against when there is no account, so a miss takes as long as a wrong
	 * password.
	 */
	private final String decoyHash;

	Passwords(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.decoyHash = encoder.encode("decoy-password-for-timing");
	}

	String hash(String password) {
		return encoder.encode(password);
	}

	/**
	 * Whether {@code password} matches {@code hash}; with no hash it spends the same time
	 * and says no.
	 */
	public boolean matches(@Nullable String password, @Nullable String hash) {
		if (password == null || password.isEmpty() || password.length() > MAX_LENGTH) {
			encoder.matches("decoy", decoyHash);
			return false;
		}
		if (hash == null) {
			encoder.matches(password, decoyHash);
			return false;
		}
		return encoder.matches(password, hash);
	}

}
