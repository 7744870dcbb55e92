package org.backstory.members.web;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, and the member's authenticator code is still needed: the login
 * form's sign-in stops here without an authentication, and {@link SignInRedirects} sends
 * the browser to the code page.
 */
class SecondFactorRequired extends AuthenticationException {

	private final long memberId;

	SecondFactorRequired(long memberId) {
		super("A second factor is required");
		this.memberId = memberId;
	}

	long memberId() {
		return memberId;
	}

}
