package org.backstory.billing;

import java.time.Duration;
import java.util.List;

import org.backstory.billing.payment.PaymentGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How renewals and dunning run.
 *
 * @param retrySchedule how long after each declined attempt the next retry comes, as
 * Stripe's retry schedule counts (default {@code 1d,3d,5d,7d}: retries 1, 4, 9 and 16
 * days after the first decline); the subscription ends when the last retry fails
 * ({@code BACKSTORY_RETRY_SCHEDULE})
 * @param runEvery how often the renewal run looks for due subscriptions
 * ({@code BACKSTORY_RENEWAL_RUN_EVERY}, default 1 minute)
 * @param batchSize subscriptions claimed per database round
 * @param gatewayConcurrency charges in flight at once
 * ({@code BACKSTORY_RENEWAL_CONCURRENCY}); unset, the gateway's own
 * {@link PaymentGateway#preferredConcurrency()}
 * @param lease how long a claimed subscription is left to the node that claimed it; after
 * a crash it is claimed again once this has passed, and the same idempotency key is asked
 * again
 * @param cardExpiryNotice how long before a card expires its owner is told
 */
@ConfigurationProperties("backstory.billing.renewal")
public record RenewalProperties(@DefaultValue( {
		"1d", "3d", "5d", "7d" }) List<Duration> retrySchedule, @DefaultValue("1m") Duration runEvery,
		@DefaultValue("500") int batchSize, @Nullable Integer gatewayConcurrency, @DefaultValue("10m") Duration lease,
		@DefaultValue("30d") Duration cardExpiryNotice){

	public RenewalProperties {
		retrySchedule = List.copyOf(retrySchedule);
		if (retrySchedule.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
			throw new IllegalArgumentException("backstory.billing.renewal.retry-schedule must be positive durations");
		}
		if (batchSize < 1 || (gatewayConcurrency != null && gatewayConcurrency < 1) || lease.isNegative()
				|| lease.isZero()) {
			throw new IllegalArgumentException("renewal batch size, concurrency and lease must be positive");
		}
	}

}
