package org.backstory.members.account;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The rule for display names: 1 to 100 characters after trimming. */
public final class MemberNames {

	public static final int MAX_LENGTH = 100;

	private MemberNames() {
	}

	public static String normalize(@Nullable String name) {
		return name == null ? "" : name.strip();
	}

	/** Why {@code name} (already normalized) may not be used, or empty when it may. */
	public static Optional<String> problem(String name) {
		if (name.isEmpty()) {
			return Optional.of("Enter your name.");
		}
		if (name.length() > MAX_LENGTH) {
			return Optional.of("Your name is too long (at most " + MAX_LENGTH + " characters).");
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			return Optional.of("Your name cannot contain control characters.");
		}
		return Optional.empty();
	}

}
