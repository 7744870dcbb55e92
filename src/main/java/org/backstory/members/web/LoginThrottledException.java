package org.backstory.members.web;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused because the address or IP has tried too often lately. When the
 * address itself is locked, it has been mailed a sign-in link (if it has an account), and
 * the login page says so.
 */
class LoginThrottledException extends AuthenticationException {

	private final boolean addressLocked;

	LoginThrottledException(boolean addressLocked) {
		super("Too many sign-in attempts");
		this.addressLocked = addressLocked;
	}

	boolean addressLocked() {
		return addressLocked;
	}

}
