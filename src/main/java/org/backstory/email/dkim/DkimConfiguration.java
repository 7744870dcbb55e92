package org.backstory.email.dkim;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the DKIM key at startup, so a bad key stops the app before any mail leaves
 * unsigned.
 */
@Configuration(proxyBeanMethods = false)
class DkimConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DkimConfiguration.class);

	@Bean
	MessageSigner messageSigner(DkimProperties properties, Clock clock) {
		if (!properties.wanted()) {
			log.info("DKIM signing is off (BACKSTORY_DKIM_DOMAIN, BACKSTORY_DKIM_SELECTOR, "
					+ "BACKSTORY_DKIM_PRIVATE_KEY_FILE are not set)");
			return MessageSigner.NONE;
		}
		DkimSigner signer = DkimSigner.from(properties, clock);
		log.info("DKIM signing is on domain={} selector={} bits={} dnsName={}._domainkey.{} dnsRecord=\"{}\"",
				signer.domain(), signer.selector(), signer.keyBits(), signer.selector(), signer.domain(),
				signer.publicKeyRecord());
		return new MessageSigner(signer);
	}

}
