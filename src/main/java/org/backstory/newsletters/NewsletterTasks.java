package org.backstory.newsletters;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The scheduled start of each send (a newsletter's or a follow email's), a db-scheduler
 * task at the article's publication time: it survives a restart and runs on exactly one
 * node. The mailing itself is done by every node's {@link SendWorkers}. A scheduled
 * article's follow email is queued by a task of its own at the article's time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsletterProperties.class)
class NewsletterTasks {

	static final TaskDescriptor<Void> START = TaskDescriptor.of("newsletter-send-start");

	static final TaskDescriptor<Void> FOLLOW_TIME = TaskDescriptor.of("newsletter-follow-time");

	/**
	 * The work is looked up when the task runs: the scheduler is built before the beans
	 * the work needs.
	 */
	@Bean
	OneTimeTask<Void> newsletterSendStartTask(ObjectProvider<SendStart> start, ObjectProvider<SendWorkers> workers) {
		return Tasks.oneTime(START).execute((instance, context) -> {
			if (start.getObject().start(Long.parseLong(instance.getId()))) {
				workers.getObject().wake();
			}
		});
	}

	@Bean
	OneTimeTask<Void> newsletterFollowTimeTask(ObjectProvider<FollowEmails> emails,
			ObjectProvider<TransactionOperations> transactions) {
		return Tasks.oneTime(FOLLOW_TIME)
			.execute((instance, context) -> transactions.getObject()
				.executeWithoutResult(status -> emails.getObject().timeCame(instance.getId())));
	}

}
