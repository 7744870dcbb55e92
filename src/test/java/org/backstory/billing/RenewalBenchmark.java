package org.backstory.billing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.backstory.BenchmarkApp;
import org.backstory.CpuTimes;
import org.backstory.billing.renewal.RenewalRun;
import org.backstory.email.SentMail;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The renewal benchmark (bench/renewals.sh): seeds N due monthly subscriptions into a
 * fresh embedded database, runs the renewal run once against the sandbox gateway, checks
 * every one was charged exactly once, and prints the time and charges per second, then
 * waits for the receipts' delivery (which runs alongside) to finish. Beside the times it
 * prints the CPU time per renewal of the app and of PostgreSQL, which a busy machine does
 * not distort as it does wall time. Not a test: timing lives in benchmarks.
 */
public final class RenewalBenchmark {

	private RenewalBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		String database = "bench_renewals_" + System.currentTimeMillis();
		Path dataDir = Files.createTempDirectory("backstory-bench");
		try (ConfigurableApplicationContext app = BenchmarkApp.start(database, dataDir, false,
				"--backstory.billing.renewal.run-every=24h")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Clock clock = app.getBean(Clock.class);
			Plan plan = app.getBean(PlanCatalog.class).createPlan(BillingFixtures.newPlan());
			long first = 1L << 40;
			long seeding = System.nanoTime();
			DueSubscriptions.seed(jdbc, plan.code(), first, count, clock.instant());
			jdbc.sql("analyze").update();
			System.out.printf(Locale.ROOT, "seeded %d due subscriptions in %.1f s%n", count,
					(System.nanoTime() - seeding) / 1e9);

			System.out.println("load average before timing: " + CpuTimes.loadAverage());
			CpuTimes before = CpuTimes.now(jdbc);
			long start = System.nanoTime();
			RenewalRun.Report report = app.getBean(RenewalRun.class).runDue();
			double seconds = (System.nanoTime() - start) / 1e9;
			CpuTimes renewing = CpuTimes.now(jdbc).since(before);
			String loadAfterRun = CpuTimes.loadAverage();
			double delivered = awaitReceipts(jdbc, start);
			CpuTimes withReceipts = CpuTimes.now(jdbc).since(before);

			long charges = DueSubscriptions.charges(jdbc, first, count);
			long receipts = SentMail.countWithKeyStartingWith(jdbc, "receipt-");
			System.out.printf(Locale.ROOT,
					"renewed: %d charged, %d unanswered, %d gateway charges, %d receipts queued%n", report.charged(),
					report.unanswered(), charges, receipts);
			System.out.printf(Locale.ROOT, "RESULT renewals=%d seconds=%.1f charges_per_second=%.0f%n", count, seconds,
					count / seconds);
			System.out.printf(Locale.ROOT,
					"CPU in the run: app %.0f us/renewal, PostgreSQL %.0f us/renewal (load average after it: %s)%n",
					renewing.jvmNanos() / 1e3 / count, renewing.postgresNanos() / 1e3 / count, loadAfterRun);
			System.out.printf(Locale.ROOT,
					"receipts delivered %.1f s after the start; CPU until then: app %.0f us/renewal, "
							+ "PostgreSQL %.0f us/renewal (load average: %s)%n",
					delivered, withReceipts.jvmNanos() / 1e3 / count, withReceipts.postgresNanos() / 1e3 / count,
					CpuTimes.loadAverage());
			if (charges != count || report.charged() != count) {
				System.out.println("FAILED: not every due subscription was charged exactly once");
				System.exit(1);
			}
		}
		finally {
			// The receipts' outbox files: one per renewal.
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * Waits until no receipt is left to deliver (at most 10 minutes); the seconds from
	 * {@code start} until then.
	 */
	private static double awaitReceipts(JdbcClient jdbc, long start) throws InterruptedException {
		long deadline = System.nanoTime() + 600_000_000_000L;
		while (System.nanoTime() < deadline && jdbc.sql("""
				select count(*) from email.outgoing_mail
				where status = 'PENDING' and starts_with(idempotency_key, 'receipt-')
				""").query(Long.class).single() > 0) {
			Thread.sleep(200);
		}
		return (System.nanoTime() - start) / 1e9;
	}

}
