package org.backstory;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import org.backstory.shared.BackgroundThreads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler runs its jobs (mail drains, renewal runs, send starts, webhooks, backups)
 * on {@link BackgroundThreads}, so that they give way to page requests where the JVM maps
 * thread priorities to the operating system's.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerThreads {

	@Bean
	DbSchedulerCustomizer backgroundJobThreads(@Value("${db-scheduler.threads:10}") int threads) {
		return new DbSchedulerCustomizer() {

			@Override
			public Optional<ExecutorService> executorService() {
				return Optional.of(Executors.newFixedThreadPool(threads, BackgroundThreads.named("db-scheduler-job")));
			}

		};
	}

}
