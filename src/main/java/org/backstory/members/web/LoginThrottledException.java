package org.backstory.members.web;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because the address or IP has failed too often lately. */
class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("Too many sign-in attempts");
	}

}
