package org.backstory.publishing;

import org.backstory.members.SiteName;
import org.springframework.stereotype.Component;

/** Tells members the publication's name, which nobody may choose as a password. */
@Component
class PublicationName implements SiteName {

	private final PublicationService publications;

	PublicationName(PublicationService publications) {
		this.publications = publications;
	}

	@Override
	public String siteName() {
		return publications.publication().name();
	}

}
