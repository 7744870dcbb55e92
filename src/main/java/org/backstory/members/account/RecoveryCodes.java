package org.backstory.members.account;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The recovery codes a member keeps for when their authenticator is out of reach: ten at
 * a time, each usable once in place of a code. A code is 16 characters from an alphabet
 * without look-alikes (no 0, O, 1, I or L), shown in groups of four
 * ({@code 7KQM-D3XW-PHTA-9RZE}); typing ignores case, spaces and dashes.
 * <p>
 * Each code carries 16 × log2(31) ≈ 79 bits of randomness, so only its SHA-256 is stored,
 * salted with the member id. A slow hash (Argon2, as for passwords) is there to make
 * guessing human-chosen secrets costly; a random 79-bit code is out of reach of offline
 * guessing even at SHA-256 speeds (at 10^10 guesses a second, about 200,000 years to find
 * one of a member's ten), and the salt keeps one pass from attacking every member's codes
 * at once. Online, guesses are throttled like codes, and a code is only ever half of a
 * sign-in.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	static final int LENGTH = 16;

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	/** Ten new codes, as they are shown. */
	static List<String> generate() {
		List<String> codes = new ArrayList<>(COUNT);
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder(LENGTH + 3);
			for (int c = 0; c < LENGTH; c++) {
				if (c > 0 && c % 4 == 0) {
					code.append('-');
				}
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/**
	 * The code as typed, without case, spaces and dashes; empty when it cannot be a
	 * recovery code.
	 */
	static Optional<String> normalize(String typed) {
		if (typed.length() > 3 * LENGTH) {
			return Optional.empty();
		}
		String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
		boolean wellFormed = code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
		return wellFormed ? Optional.of(code) : Optional.empty();
	}

	/** What is stored of a (normalized) code of {@code memberId}. */
	static byte[] hash(long memberId, String normalized) {
		return OneTimeTokens.hash(memberId + ":" + normalized);
	}

}
