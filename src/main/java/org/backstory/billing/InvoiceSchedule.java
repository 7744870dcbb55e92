package org.backstory.billing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.backstory.billing.invoice.InvoiceRun;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schedule of the invoice run, as often as the renewal run. It lives in the front
 * door because the run ends unpaid licences after the grace period in force, which the
 * front door keeps ({@link GracePeriodSettings}).
 */
@Configuration(proxyBeanMethods = false)
class InvoiceSchedule {

	@Bean
	RecurringTask<Void> invoiceRunTask(ObjectProvider<InvoiceRun> run, ObjectProvider<GracePeriodSettings> grace,
			RenewalProperties properties) {
		return Tasks.recurring("billing-invoice-run", FixedDelay.of(properties.runEvery()))
			.execute((instance, context) -> run.getObject().runDue(grace.getObject().gracePeriod()));
	}

}
