package org.backstory.email;

import java.io.UnsupportedEncodingException;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.backstory.shared.BackstoryProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The publication as system mail shows it, from the {@link MailBranding} another module
 * provides, and the {@code From} header it signs with: the publication's name and the
 * configured sender address ({@code BACKSTORY_SMTP_FROM}), so the envelope sender, SPF
 * and DKIM alignment stay those of the configured address.
 */
@Component
class MailBrands {

	private final ObjectProvider<MailBranding> branding;

	private final MailProperties properties;

	private final BackstoryProperties site;

	MailBrands(ObjectProvider<MailBranding> branding, MailProperties properties, BackstoryProperties site) {
		this.branding = branding;
		this.properties = properties;
		this.site = site;
	}

	MailBrand current() {
		MailBranding source = branding.getIfUnique();
		return source != null ? source.brand() : fallback();
	}

	/** The publication's name with the configured sender address. */
	InternetAddress from() {
		InternetAddress configured = configured();
		try {
			return new InternetAddress(configured.getAddress(), current().name(), "UTF-8");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is always supported", ex);
		}
	}

	private MailBrand fallback() {
		InternetAddress configured = configured();
		String name = configured.getPersonal() == null ? site.baseUrl().getHost() : configured.getPersonal();
		return new MailBrand(name, name, List.of(), MailBrand.DEFAULT_ACCENT, null, site.link("/"));
	}

	private InternetAddress configured() {
		try {
			return new InternetAddress(properties.from(), true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("BACKSTORY_SMTP_FROM is not an address: " + properties.from(), ex);
		}
	}

}
