package org.backstory.newsletters;

/** How an article goes out. */
public enum PublishMode {

	/** On the site only. */
	SITE,
	/** On the site, and emailed to a newsletter. */
	SITE_AND_EMAIL,
	/** Emailed to a newsletter, never on the site. */
	EMAIL_ONLY;

	boolean emails() {
		return this != SITE;
	}

	boolean onSite() {
		return this != EMAIL_ONLY;
	}

}
