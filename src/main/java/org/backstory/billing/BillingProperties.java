package org.backstory.billing;

import java.time.Duration;

import org.backstory.billing.payment.PaymentGatewaySelection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings. The payment gateway is not one of them: Stripe takes cards when its
 * secret key is set ({@code BACKSTORY_STRIPE_SECRET_KEY}), the built-in sandbox otherwise
 * (see {@link PaymentGatewaySelection}).
 *
 * @param gracePeriod how long a past-due member keeps access after a failed renewal
 * ({@code BACKSTORY_GRACE_PERIOD}, default 7 days), until staff set another in the admin
 * (see {@link GracePeriodSettings})
 */
@ConfigurationProperties("backstory.billing")
public record BillingProperties(@DefaultValue("7d") Duration gracePeriod) {

	public BillingProperties {
		if (gracePeriod.isNegative()) {
			throw new IllegalArgumentException("backstory.billing.grace-period must not be negative");
		}
	}

}
