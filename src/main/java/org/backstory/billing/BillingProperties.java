package org.backstory.billing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings.
 *
 * @param gateway which payment gateway takes cards: {@code sandbox} (built in, the default)
 * ({@code BACKSTORY_PAYMENT_GATEWAY})
 * @param gracePeriod how long a past-due member keeps access after a failed renewal
 * ({@code BACKSTORY_GRACE_PERIOD}, default 7 days)
 */
@ConfigurationProperties("backstory.billing")
public record BillingProperties(@DefaultValue("sandbox") String gateway, @DefaultValue("7d") Duration gracePeriod) {

	public BillingProperties {
		// Fail at start-up rather than at the first checkout: the sandbox is the only gateway so far.
		if (!"sandbox".equals(gateway)) {
			throw new IllegalArgumentException(
					"backstory.billing.gateway must be 'sandbox', the only payment gateway so far, not '" + gateway + "'");
		}
		if (gracePeriod.isNegative()) {
			throw new IllegalArgumentException("backstory.billing.grace-period must not be negative");
		}
	}

}
