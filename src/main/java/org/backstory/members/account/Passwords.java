package org.backstory.members.account;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Password rules and hashing (Argon2 through Spring Security's delegating encoder). */
@Component
public class Passwords {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 200;

	private final PasswordEncoder encoder;

	/** Compared against when there is no account, so a miss takes as long as a wrong password. */
	private final String decoyHash;

	Passwords(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.decoyHash = encoder.encode("decoy-password-for-timing");
	}

	/** Why {@code password} may not be used, or empty when it may. */
	public static Optional<String> problem(@Nullable String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters for your password.");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("Use at most " + MAX_LENGTH + " characters for your password.");
		}
		if (password.isBlank()) {
			return Optional.of("A password cannot be only spaces.");
		}
		return Optional.empty();
	}

	String hash(String password) {
		return encoder.encode(password);
	}

	/** Whether {@code password} matches {@code hash}; with no hash it spends the same time and says no. */
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
