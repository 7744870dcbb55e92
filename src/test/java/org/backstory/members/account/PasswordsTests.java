package org.backstory.members.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordsTests {

	private final Passwords passwords = new Passwords(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());

	@Test
	void longPasswordsAreHashedWhole() {
		String longPassword = "x".repeat(150);
		String hash = passwords.hash(longPassword);

		assertThat(passwords.matches(longPassword, hash)).isTrue();
		assertThat(passwords.matches("x".repeat(149) + "y", hash)).isFalse();
	}

	@Test
	void noHashNeverMatches() {
		assertThat(passwords.matches("whatever-it-is", null)).isFalse();
		assertThat(passwords.matches(null, passwords.hash("whatever-it-is"))).isFalse();
	}

}
