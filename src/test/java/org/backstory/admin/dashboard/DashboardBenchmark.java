package org.backstory.admin.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.backstory.BenchmarkApp;
import org.backstory.billing.BillingProbe;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The dashboard benchmark (bench/dashboard.sh): seeds N readers who signed up over the
 * last year (one in ten from an article) and, for a third of them, a subscription with a
 * year of events (checkout, first payment, monthly renewals, some cancellations) into a
 * fresh embedded database, then times the dashboard's figures for both ranges. Not a
 * test: timing lives in benchmarks.
 */
public final class DashboardBenchmark {

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		String database = "bench_dashboard_" + System.currentTimeMillis();
		Path dataDir = Files.createTempDirectory("backstory-bench");
		try (ConfigurableApplicationContext app = BenchmarkApp.start(database, dataDir, false,
				"--backstory.billing.renewal.run-every=24h")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long seeding = System.nanoTime();
			seed(jdbc, count);
			System.out.printf(Locale.ROOT, "seeded %d readers, %d subscription events in %.1f s%n", count,
					BillingProbe.subscriptionEventCount(jdbc), (System.nanoTime() - seeding) / 1e9);
			java.time.Instant now = java.time.Instant.now(app.getBean(java.time.Clock.class));
			java.time.Instant from = now.minus(java.time.Duration.ofDays(90));
			org.backstory.billing.BusinessHistory business = app.getBean(org.backstory.billing.BusinessHistory.class);
			org.backstory.members.MemberGrowth growth = app.getBean(org.backstory.members.MemberGrowth.class);
			time("history", () -> business.history(from, now));
			time("subscriptionsByArticle", () -> business.subscriptionsByArticle(from, now, 10));
			time("signupsPerDay", () -> growth.signupsPerDay(from, now));
			time("signupsByArticle", () -> growth.signupsByArticle(from, now, 10));
			time("readersBefore", () -> growth.readersBefore(from));
			DashboardFigures figures = app.getBean(DashboardFigures.class);
			for (DashboardRange range : DashboardRange.values()) {
				figures.figures(range);
				long start = System.nanoTime();
				int runs = 5;
				for (int i = 0; i < runs; i++) {
					figures.figures(range);
				}
				System.out.printf(Locale.ROOT, "RESULT range=%s readers=%d ms_per_dashboard=%.0f%n", range.code(),
						count, (System.nanoTime() - start) / 1e6 / runs);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static void time(String what, Runnable query) {
		query.run();
		long start = System.nanoTime();
		query.run();
		System.out.printf(Locale.ROOT, "RESULT query=%s ms=%.0f%n", what, (System.nanoTime() - start) / 1e6);
	}

	private static void seed(JdbcClient jdbc, int count) {
		jdbc.sql("""
				insert into members.member (email, name, role, created_at, updated_at, signup_article_id)
				select 'bench' || n || '@example.test', 'Reader ' || n, 'MEMBER',
				       now() - (n % 365) * interval '1 day' - (n % 1440) * interval '1 minute', now(),
				       case when n % 10 = 0 then n % 50 + 1 end
				from generate_series(1, :count) n
				""").param("count", count).update();
		Long plan = jdbc.sql("""
				insert into billing.plan (code, name, tier, currency, monthly_price, yearly_price, created_at)
				values ('bench', 'Bench', 'paid', 'USD', 500, 5000, now()) returning id
				""").query(Long.class).single();
		jdbc.sql(
				"""
						insert into billing.subscription (member_id, plan_id, tier, billing_interval, price_amount, currency,
						    status, current_period_start, current_period_end, created_at, updated_at, article_id)
						select m.id, :plan, 'paid', 'month', 500, 'USD', case when m.id % 7 = 0 then 'canceled' else 'active' end,
						       now() - interval '10 days', now() + interval '20 days', m.created_at, now(),
						       case when m.id % 5 = 0 then m.id % 50 + 1 end
						from members.member m where m.id % 3 = 0
						""")
			.param("plan", plan)
			.update();
		jdbc.sql(
				"""
						insert into billing.subscription_event (subscription_id, from_status, to_status, cause, actor,
						    currency, occurred_at, kind, mrr_after)
						select s.id, null, 'incomplete', 'checkout_started', 'system', 'USD', s.created_at, 'paid', 0
						from billing.subscription s
						union all
						select s.id, 'incomplete', 'active', 'first_payment', 'system', 'USD', s.created_at + interval '1 minute',
						       'paid', 500
						from billing.subscription s
						union all
						select s.id, 'active', 'active', 'renewed', 'renewal-run', 'USD', s.created_at + month * interval '1 month',
						       'paid', 500
						from billing.subscription s, generate_series(1, 11) month
						where s.created_at + month * interval '1 month' < now()
						union all
						select s.id, 'active', 'canceled', 'canceled_by_member', 'system', 'USD', now() - interval '3 days',
						       'paid', 500
						from billing.subscription s where s.status = 'canceled'
						""")
			.update();
		jdbc.sql("analyze").update();
	}

}
