package org.backstory.webhooks;

import java.time.Clock;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.StartRefused;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The sender, the address policy and the db-scheduler tasks: one delivery task per queued
 * body, scheduled in the transaction that queued it; one task per scheduled article at
 * its time ({@link ScheduledPosts}); and a sweeper that every half minute attempts what
 * is due (retries, anything a crash left) and drops finished deliveries older than
 * {@link #KEPT}, whose bodies may hold a member's name and address.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhooksProperties.class)
class WebhookTasks {

	static final TaskDescriptor<Void> DELIVERY = TaskDescriptor.of("webhook-delivery");

	static final TaskDescriptor<Void> SCHEDULED_POST = TaskDescriptor.of("webhook-scheduled-post");

	/** How long finished deliveries stay listed (and can be sent again). */
	static final Duration KEPT = Duration.ofDays(30);

	@Bean
	TargetAddresses targetAddresses(WebhooksProperties properties) {
		try {
			return new TargetAddresses(properties.allowedNetworks());
		}
		catch (IllegalArgumentException ex) {
			throw new StartRefused(
					"BACKSTORY_WEBHOOK_ALLOWED_NETWORKS is not a list of networks: " + ex.getMessage() + ".",
					"Write networks in CIDR notation, comma-separated, e.g. 127.0.0.1/32,10.0.0.0/8.", ex);
		}
	}

	@Bean
	HookSender hookSender(TargetAddresses addresses, BackstoryProperties backstory) {
		return new HookSender(addresses, "Backstory-Webhooks/1 (+" + backstory.link("/") + ")");
	}

	/**
	 * The work is looked up when the task runs: the scheduler is built before the beans
	 * the work needs.
	 */
	@Bean
	OneTimeTask<Void> webhookDeliveryTask(ObjectProvider<HookDeliveries> deliveries) {
		return Tasks.oneTime(DELIVERY)
			.execute((instance, context) -> deliveries.getObject().deliver(Long.parseLong(instance.getId())));
	}

	@Bean
	OneTimeTask<Void> webhookScheduledPostTask(ObjectProvider<ScheduledPosts> posts,
			ObjectProvider<TransactionOperations> transactions) {
		return Tasks.oneTime(SCHEDULED_POST)
			.execute((instance, context) -> transactions.getObject()
				.executeWithoutResult(status -> posts.getObject().timeCame(instance.getId())));
	}

	@Bean
	RecurringTask<Void> webhookSweeperTask(ObjectProvider<HookDeliveries> deliveries,
			ObjectProvider<HookRepository> hooks, ObjectProvider<TransactionOperations> transactions, Clock clock) {
		return Tasks.recurring("webhook-sweeper", FixedDelay.ofSeconds(30)).execute((instance, context) -> {
			deliveries.getObject().deliverDue();
			transactions.getObject()
				.executeWithoutResult(status -> hooks.getObject().pruneFinished(clock.instant().minus(KEPT)));
		});
	}

}
