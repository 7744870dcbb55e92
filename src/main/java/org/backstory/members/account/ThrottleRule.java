package org.backstory.members.account;

/**
 * A throttled kind of request: how many may come from one address or IP within the window before further
 * ones are refused for a lock period that doubles with each lock-out.
 */
public enum ThrottleRule {

	/** Failed password sign-ins for one email address. */
	LOGIN_EMAIL("login-email", 5),
	/** Failed password sign-ins from one IP address. */
	LOGIN_IP("login-ip", 20),
	/** Requests that send mail (sign-in links, password resets, verification) for one email address. */
	MAIL_EMAIL("mail-email", 5),
	/** Requests that send mail, or sign-ups, from one IP address. */
	MAIL_IP("mail-ip", 20);

	private final String prefix;

	private final int limit;

	ThrottleRule(String prefix, int limit) {
		this.prefix = prefix;
		this.limit = limit;
	}

	int limit() {
		return limit;
	}

	String key(String value) {
		return prefix + ":" + value.toLowerCase(java.util.Locale.ROOT);
	}

}
