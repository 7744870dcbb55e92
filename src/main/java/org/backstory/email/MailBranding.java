package org.backstory.email;

/**
 * Where system mail gets the publication's identity. Declared here and implemented by the
 * module that owns the publication's settings, so this module needs no dependency on it;
 * without an implementation, mail is branded from the configured sender.
 */
public interface MailBranding {

	/** The publication as mail shows it now. */
	MailBrand brand();

}
