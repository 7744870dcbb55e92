package org.backstory.members.account;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What counts as a usable email address: the HTML form rule plus a dot in the domain, at
 * most 254 characters.
 */
public final class EmailAddresses {

	public static final int MAX_LENGTH = 254;

	private static final Pattern ADDRESS = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	private EmailAddresses() {
	}

	/** The address without surrounding blanks. */
	public static String normalize(@Nullable String email) {
		return email == null ? "" : email.strip();
	}

	/** Why {@code email} (already normalized) is not usable, or empty when it is. */
	public static Optional<String> problem(String email) {
		if (email.isEmpty()) {
			return Optional.of("Enter your email address.");
		}
		if (email.length() > MAX_LENGTH) {
			return Optional.of("That email address is too long (at most " + MAX_LENGTH + " characters).");
		}
		if (!ADDRESS.matcher(email).matches()) {
			return Optional.of("Enter a valid email address, like name@example.com.");
		}
		return Optional.empty();
	}

	public static boolean valid(String email) {
		return problem(email).isEmpty();
	}

}
