package org.backstory.members;

/**
 * The site's name as readers know it (the publication's name), implemented by the module
 * that keeps it so that members can refuse it as a password without depending on that
 * module. Without an implementation no name is refused.
 */
public interface SiteName {

	/** The name as it is now; it may change while the app runs. */
	String siteName();

}
