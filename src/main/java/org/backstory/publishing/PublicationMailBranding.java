package org.backstory.publishing;

import org.backstory.email.MailBrand;
import org.backstory.email.MailBranding;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/**
 * Gives system mail the publication's name, accent colour, logo and postal address, as
 * the settings page sets them.
 */
@Component
class PublicationMailBranding implements MailBranding {

	private final PublicationService publications;

	private final BackstoryProperties site;

	PublicationMailBranding(PublicationService publications, BackstoryProperties site) {
		this.publications = publications;
		this.site = site;
	}

	@Override
	public MailBrand brand() {
		Publication publication = publications.publication();
		String logo = publication.logoUrl();
		return new MailBrand(publication.name(), publication.sellerName(),
				publication.postalAddress().lines().map(String::strip).filter(line -> !line.isEmpty()).toList(),
				publication.accentColor(), logo == null || logo.startsWith("http") ? logo : site.link(logo),
				site.link("/"));
	}

}
