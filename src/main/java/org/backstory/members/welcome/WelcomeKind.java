package org.backstory.members.welcome;

import java.util.Locale;

/**
 * The two welcome mails: what triggers each, its default words, and where its button
 * goes.
 */
public enum WelcomeKind {

	/** After the member proves their address at sign-up. */
	SIGNUP("Welcome to %s", """
			Thank you for signing up. You can now read our free articles and get our newsletters.

			If you ever want to change what we send you, your account page has every setting.""", "Start reading", "/"),

	/**
	 * After the member's first subscription (a first payment, a trial, a gift) starts.
	 */
	SUBSCRIBER("Thank you for subscribing to %s", """
			Your subscription has started: every article is open to you now.

			Your account page shows your plan, your payments and your card, and is where you change or cancel.""",
			"Start reading", "/");

	private final String defaultSubject;

	private final String defaultBody;

	private final String actionLabel;

	private final String actionPath;

	WelcomeKind(String defaultSubject, String defaultBody, String actionLabel, String actionPath) {
		this.defaultSubject = defaultSubject;
		this.defaultBody = defaultBody;
		this.actionLabel = actionLabel;
		this.actionPath = actionPath;
	}

	/** The key stored in the database and used in URLs. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The text used until staff write their own, for a publication called {@code name}.
	 */
	WelcomeText defaultText(String publicationName) {
		return new WelcomeText(defaultSubject.formatted(publicationName), defaultBody);
	}

	String actionLabel() {
		return actionLabel;
	}

	String actionPath() {
		return actionPath;
	}

}
