package org.backstory.members.web;

/**
 * How a session was signed in, kept with it ({@link SessionOrigin}). The methods that
 * follow an emailed link prove the member holds the address; only a session signed in so
 * may give a password-less account its first password.
 */
enum SignInMethod {

	PASSWORD(false), LINK(true), CONFIRMATION(true), PASSWORD_RESET(true), INVITE(true), OWNER_SETUP(false);

	private final boolean emailedLink;

	SignInMethod(boolean emailedLink) {
		this.emailedLink = emailedLink;
	}

	boolean emailedLink() {
		return emailedLink;
	}

	/** The name the log uses, e.g. {@code password-reset}. */
	String logName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
