package org.backstory.members.account;

import java.util.Locale;

/**
 * A throttled kind of request: how many may come from one address, IP or member within
 * the window before further ones are refused for a lock period that doubles with each
 * lock-out, and what a success does.
 */
public enum ThrottleRule {

	/** Password sign-ins for one email address; a right password forgets the count. */
	LOGIN_EMAIL("login-email", 5, true),
	/** Password sign-ins from one IP address; a right password is given back. */
	LOGIN_IP("login-ip", 20, false),
	/**
	 * Requests that send mail (sign-in links, password resets, verification) for one
	 * email address.
	 */
	MAIL_EMAIL("mail-email", 5, false),
	/** Requests that send mail, or sign-ups, from one IP address. */
	MAIL_IP("mail-ip", 20, false),
	/** Guesses at codes (coupon codes) by one member; a right code is given back. */
	CODE_MEMBER("code-member", 10, false),
	/**
	 * Guesses at codes (coupon codes) from one IP address; a right code is given back.
	 */
	CODE_IP("code-ip", 30, false),
	/**
	 * Second-factor codes (authenticator or recovery codes) typed for one member; a right
	 * code forgets the count.
	 */
	SECOND_FACTOR_MEMBER("second-factor-member", 5, true),
	/** Second-factor codes typed from one IP address; a right code is given back. */
	SECOND_FACTOR_IP("second-factor-ip", 20, false);

	private final String prefix;

	private final int limit;

	private final boolean forgetsOnSuccess;

	ThrottleRule(String prefix, int limit, boolean forgetsOnSuccess) {
		this.prefix = prefix;
		this.limit = limit;
		this.forgetsOnSuccess = forgetsOnSuccess;
	}

	int limit() {
		return limit;
	}

	/**
	 * Whether a success forgets the key's count (rather than only giving its own attempt
	 * back).
	 */
	boolean forgetsOnSuccess() {
		return forgetsOnSuccess;
	}

	String key(String value) {
		return prefix + ":" + value.toLowerCase(Locale.ROOT);
	}

}
