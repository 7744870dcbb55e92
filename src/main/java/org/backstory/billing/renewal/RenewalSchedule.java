package org.backstory.billing.renewal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backstory.billing.RenewalProperties;
import org.backstory.billing.payment.HeldPaymentReleases;
import org.backstory.billing.payment.Refunds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database-backed schedule of the renewal run (and of the refunds it retries and the
 * held charges it releases). db-scheduler runs each recurring task on one node at a time;
 * the work itself is also safe to run on several at once. The work is looked up when a
 * task runs, not when it is declared: the scheduler is built from the tasks, and the work
 * sends mail through the scheduler.
 */
@Configuration(proxyBeanMethods = false)
class RenewalSchedule {

	@Bean
	RecurringTask<Void> renewalRunTask(ObjectProvider<RenewalRun> run, ObjectProvider<Refunds> refunds,
			ObjectProvider<HeldPaymentReleases> releases, RenewalProperties properties) {
		return Tasks.recurring("billing-renewal-run", FixedDelay.of(properties.runEvery()))
			.execute((instance, context) -> {
				run.getObject().runDue();
				refunds.getObject().retryPending();
				releases.getObject().releaseDue();
			});
	}

}
