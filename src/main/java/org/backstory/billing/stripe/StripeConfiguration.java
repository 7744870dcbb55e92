package org.backstory.billing.stripe;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.stripe.StripeClient;
import org.backstory.billing.payment.PaymentGatewaySelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Stripe client and the two db-scheduler tasks that process webhook events: one per
 * stored event, which reschedules itself while the event keeps failing, and a sweeper
 * that every minute processes whatever is due (an event stored just before a crash, say).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PaymentGatewaySelection.Stripe.class)
class StripeConfiguration {

	/** Network failures are retried by the client with the same idempotency key. */
	private static final int NETWORK_RETRIES = 2;

	private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

	@Bean
	StripeClient stripeClient(StripeProperties properties) {
		log.info("Payments go to Stripe apiBase={}", properties.apiBase());
		return client(properties, NETWORK_RETRIES);
	}

	static StripeClient client(StripeProperties properties, int networkRetries) {
		return StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setApiBase(properties.apiBase())
			.setMaxNetworkRetries(networkRetries)
			.build();
	}

	/**
	 * The processor is looked up when a task runs: it reaches the scheduler itself (it
	 * sends mail).
	 */
	@Bean
	CustomTask<Void> stripeEventTask(ObjectProvider<StripeEventProcessor> processor) {
		return Tasks.custom(StripeEventInbox.PROCESSING)
			.execute((instance, context) -> processor.getObject()
				.process(instance.getId())
				.<CompletionHandler<Void>>map(next -> (complete, operations) -> operations.reschedule(complete, next))
				.orElseGet(CompletionHandler.OnCompleteRemove::new));
	}

	@Bean
	RecurringTask<Void> stripeEventSweeperTask(ObjectProvider<StripeEventProcessor> processor) {
		return Tasks.recurring("stripe-event-sweeper", FixedDelay.ofMinutes(1))
			.execute((instance, context) -> processor.getObject().processDue());
	}

}
