package org.backstory.billing.renewal;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.backstory.BackstoryApplication;
import org.backstory.OwnDatabase;
import org.backstory.TestDatabase;
import org.backstory.billing.BillingClockTestSupport;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.DueSubscriptions;
import org.backstory.billing.Plan;
import org.backstory.publishing.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes against one database, each running the renewal run: every due
 * period is charged exactly once, also when one node dies half-way through.
 */
@SpringBootTest(properties = "backstory.billing.renewal.run-every=1h")
@Import(SettableClock.Configuration.class)
@OwnDatabase(ClusterRenewalIntegrationTests.DATABASE)
class ClusterRenewalIntegrationTests extends BillingClockTestSupport {

	static final String DATABASE = "billing_cluster";

	@Test
	void twoNodesRunningAtOnceChargeEachDuePeriodExactlyOnce() throws Exception {
		long first = seed(1000);
		try (ConfigurableApplicationContext other = otherNode("node-b", 50)) {
			RenewalRun otherRun = other.getBean(RenewalRun.class);
			CyclicBarrier together = new CyclicBarrier(2);
			ExecutorService nodes = Executors.newFixedThreadPool(2);
			try {
				Future<RenewalRun.Report> here = nodes.submit(() -> {
					together.await();
					return run.runDue();
				});
				Future<RenewalRun.Report> there = nodes.submit(() -> {
					together.await();
					return otherRun.runDue();
				});
				RenewalRun.Report a = here.get(5, TimeUnit.MINUTES);
				RenewalRun.Report b = there.get(5, TimeUnit.MINUTES);
				assertThat(a.charged() + b.charged()).isEqualTo(1000);
				assertThat(b.charged()).as("the other node took part").isPositive();
			}
			finally {
				nodes.shutdownNow();
			}
		}
		assertEachRenewedOnce(first, 1000);
	}

	@Test
	void aNodeThatDiesHalfWayLeavesNothingLostAndNothingDoubled() throws Exception {
		long first = seed(1000);
		ConfigurableApplicationContext other = otherNode("node-crash", 20);
		Thread dying = new Thread(() -> other.getBean(RenewalRun.class).runDue(), "dying-node");
		dying.start();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (DueSubscriptions.charges(jdbc, first, 1000) < 300 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'node-crash'")
			.query(Boolean.class)
			.list();
		other.close();
		dying.join(TimeUnit.MINUTES.toMillis(1));
		long chargedBeforeTheCrash = DueSubscriptions.charges(jdbc, first, 1000);
		assertThat(chargedBeforeTheCrash).as("the node died half-way").isBetween(300L, 999L);

		// The dead node's claims are leased; once the lease runs out another node takes
		// them over.
		clock.advance(Duration.ofMinutes(11));
		run.runDue();

		assertEachRenewedOnce(first, 1000);
	}

	private void assertEachRenewedOnce(long first, int count) {
		assertThat(DueSubscriptions.charges(jdbc, first, count)).isEqualTo(count);
		List<Long> perMember = jdbc.sql("""
				select count(p.id) from generate_series(:first, :first + :count - 1) m
				left join billing.payment p on p.member_id = m and p.status = 'succeeded'
				group by m
				""").param("first", first).param("count", count).query(Long.class).list();
		assertThat(perMember).hasSize(count).containsOnly(1L);
		assertThat(jdbc
			.sql("""
					select count(*) from billing.payment where status = 'pending' and member_id between :first and :first + :count
					""")
			.param("first", first)
			.param("count", count)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from billing.subscription
				where member_id between :first and :first + :count - 1 and status = 'active' and due_at > :now
				""")
			.param("first", first)
			.param("count", count)
			.param("now", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single()).isEqualTo(count);
	}

	private long seed(int count) {
		Plan plan = catalog.createPlan(BillingFixtures.newPlan());
		long first = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
		DueSubscriptions.seed(jdbc, plan.code(), first, count, clock.instant());
		return first;
	}

	/**
	 * A second application node on the same database, charging in small batches so it can
	 * die mid-way.
	 */
	private static ConfigurableApplicationContext otherNode(String name, int batchSize) throws Exception {
		return new SpringApplicationBuilder(BackstoryApplication.class).run(
				"--backstory.database.url=" + TestDatabase.url(DATABASE) + "&ApplicationName=" + name,
				"--backstory.database.username=" + TestDatabase.username(),
				"--backstory.database.password=" + TestDatabase.password(),
				"--backstory.data-dir=" + Files.createTempDirectory("backstory-" + name), "--backstory.demo=false",
				"--server.port=0", "--backstory.billing.renewal.run-every=1h",
				"--backstory.billing.renewal.batch-size=" + batchSize);
	}

}
