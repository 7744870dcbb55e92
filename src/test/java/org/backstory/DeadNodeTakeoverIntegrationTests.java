package org.backstory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.backstory.email.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that dies while it runs a scheduled job (the renewal run, a send's start) leaves
 * the job marked as picked by it. Another node must run it again once the dead node's
 * heartbeat is a minute old; with db-scheduler's own defaults that took half an hour, and
 * no node renewed anything meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadNodeTakeoverIntegrationTests {

	private static final String JOB = "members-housekeeping";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJobPickedByANodeSilentForAMinuteIsTakenOver() {
		int marked = jdbc.sql("""
				update scheduled_tasks
				set picked = true, picked_by = 'dead-node', last_heartbeat = now() - interval '61 seconds',
				    execution_time = now() - interval '61 seconds'
				where task_name = :job
				""").param("job", JOB).update();
		assertThat(marked).isEqualTo(1);

		Await.until("the live node takes the dead node's job over", Duration.ofSeconds(45),
				() -> jdbc
					.sql("select picked_by is distinct from 'dead-node' from scheduled_tasks where task_name = :job")
					.param("job", JOB)
					.query(Boolean.class)
					.single());
	}

	/**
	 * The jobs run on {@code BackgroundThreads}, at the lowest priority, so that a
	 * renewal run or a send start gives way to readers (db-scheduler's own pool would
	 * name its workers {@code db-scheduler-pool-...}, at normal priority).
	 */
	@Test
	void theSchedulerRunsItsJobsOnBackgroundThreads() {
		Await.until("the scheduler has run a job", Duration.ofSeconds(45), () -> !jobThreads().isEmpty());

		assertThat(jobThreads()).allSatisfy(thread -> {
			assertThat(thread.getName()).matches("db-scheduler-job-\\d+");
			assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
		});
	}

	/**
	 * The threads that run jobs: neither the scheduler's due executor nor its
	 * housekeeper.
	 */
	private static List<Thread> jobThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(thread -> thread.getName().startsWith("db-scheduler-job-")
					|| thread.getName().startsWith("db-scheduler-pool-"))
			.toList();
	}

}
