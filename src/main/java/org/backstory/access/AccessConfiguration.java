package org.backstory.access;

import org.backstory.billing.GracePeriodSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access policy uses billing's grace period, so billing and the paywall can never
 * disagree on it.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	@Bean
	AccessPolicy accessPolicy(GracePeriodSettings billing) {
		return new AccessPolicy(billing::gracePeriod);
	}

}
