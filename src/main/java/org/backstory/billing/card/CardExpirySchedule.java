package org.backstory.billing.card;

import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells members, once a day, that the card on file runs out soon. Like the renewal run's
 * schedule, the work is looked up when the task runs: the scheduler is built from the
 * tasks, and the notices are mailed through the scheduler.
 */
@Configuration(proxyBeanMethods = false)
class CardExpirySchedule {

	@Bean
	RecurringTask<Void> cardExpiryNoticesTask(ObjectProvider<CardExpiryNotices> notices) {
		return Tasks.recurring("billing-card-expiry-notices", Schedules.daily(LocalTime.of(9, 0)))
			.execute((instance, context) -> notices.getObject().sendDue());
	}

}
