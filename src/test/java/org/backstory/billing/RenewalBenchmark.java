package org.backstory.billing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.backstory.BenchmarkApp;
import org.backstory.billing.renewal.RenewalRun;
import org.backstory.email.SentMail;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The renewal benchmark (bench/renewals.sh): seeds N due monthly subscriptions into a
 * fresh embedded database, runs the renewal run once against the sandbox gateway, checks
 * every one was charged exactly once, and prints the time and charges per second. Not a
 * test: timing lives in benchmarks.
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

			long start = System.nanoTime();
			RenewalRun.Report report = app.getBean(RenewalRun.class).runDue();
			double seconds = (System.nanoTime() - start) / 1e9;

			long charges = DueSubscriptions.charges(jdbc, first, count);
			long receipts = SentMail.countWithKeyStartingWith(jdbc, "receipt-");
			System.out.printf(Locale.ROOT,
					"renewed: %d charged, %d unanswered, %d gateway charges, %d receipts queued%n", report.charged(),
					report.unanswered(), charges, receipts);
			System.out.printf(Locale.ROOT, "RESULT renewals=%d seconds=%.1f charges_per_second=%.0f%n", count, seconds,
					count / seconds);
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

}
