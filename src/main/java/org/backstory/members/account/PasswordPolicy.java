package org.backstory.members.account;

import java.util.Locale;
import java.util.Optional;

import org.backstory.members.SiteName;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which passwords a member may choose, wherever they choose one (sign-up, reset, the
 * account page, a staff invite, accounts made for them): 10 to 200 characters, not only
 * spaces, not on the bundled list of the most common leaked passwords, and not the
 * member's email address, the part of it before the @, or the site's name. Comparisons
 * ignore case and surrounding spaces.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final String TOO_COMMON = "This password is too common: it appears in lists of leaked passwords. "
			+ "Choose another.";

	static final String EMAIL = "A password can't be your email address or the part before the @. Choose another.";

	static final String SITE_NAME = "A password can't be the name of this site. Choose another.";

	private final ObjectProvider<SiteName> siteName;

	PasswordPolicy(ObjectProvider<SiteName> siteName) {
		this.siteName = siteName;
	}

	/**
	 * Why the member with address {@code email} may not use {@code password}, or empty
	 * when they may.
	 */
	public Optional<String> problem(@Nullable String password, String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters for your password.");
		}
		if (password.length() > Passwords.MAX_LENGTH) {
			return Optional.of("Use at most " + Passwords.MAX_LENGTH + " characters for your password.");
		}
		if (password.isBlank()) {
			return Optional.of("A password cannot be only spaces.");
		}
		String typed = comparable(password);
		if (CommonPasswords.contains(typed)) {
			return Optional.of(TOO_COMMON);
		}
		String address = comparable(email);
		int at = address.lastIndexOf('@');
		if (typed.equals(address) || (at > 0 && typed.equals(address.substring(0, at)))) {
			return Optional.of(EMAIL);
		}
		SiteName site = siteName.getIfAvailable();
		if (site != null && typed.equals(comparable(site.siteName()))) {
			return Optional.of(SITE_NAME);
		}
		return Optional.empty();
	}

	private static String comparable(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
