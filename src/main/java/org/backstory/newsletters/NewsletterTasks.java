package org.backstory.newsletters;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled start of each send, a db-scheduler task at the article's publication time: it survives a
 * restart and runs on exactly one node. The mailing itself is done by every node's {@link SendWorkers}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsletterProperties.class)
class NewsletterTasks {

	static final TaskDescriptor<Void> START = TaskDescriptor.of("newsletter-send-start");

	/** The work is looked up when the task runs: the scheduler is built before the beans the work needs. */
	@Bean
	OneTimeTask<Void> newsletterSendStartTask(ObjectProvider<SendStart> start, ObjectProvider<SendWorkers> workers) {
		return Tasks.oneTime(START).execute((instance, context) -> {
			if (start.getObject().start(Long.parseLong(instance.getId()))) {
				workers.getObject().wake();
			}
		});
	}

}
