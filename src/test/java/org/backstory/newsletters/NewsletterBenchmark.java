package org.backstory.newsletters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.backstory.BenchmarkApp;
import org.backstory.CpuTimes;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.DueSubscriptions;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.email.Await;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The newsletter benchmark (bench/newsletters.sh): seeds N members into a fresh embedded
 * database, a fifth of them paying, opts them all into a newsletter, sends one paid
 * article to it through the SMTP server at {@code host:port} (a sink), and prints the
 * time from the send's start to its last recipient and the messages per second. Every
 * message is personalised (own unsubscribe and preferences links); payers get the whole
 * article, the others its preview. Messages are DKIM-signed when the environment
 * configures DKIM as a site would ({@code BACKSTORY_DKIM_*}). Besides the rate it prints
 * the CPU the application (this JVM) and its PostgreSQL spent per message over the send,
 * which other work on the machine hardly changes; with {@code BENCH_JFR} set to a
 * directory it also records a JFR profile of the send there. Not a test: timing lives in
 * benchmarks.
 */
public final class NewsletterBenchmark {

	private NewsletterBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
		String host = args.length > 1 ? args[1] : "127.0.0.1";
		int port = args.length > 2 ? Integer.parseInt(args[2]) : 2525;
		int connections = args.length > 3 ? Integer.parseInt(args[3]) : 4;
		String database = "bench_newsletters_" + System.currentTimeMillis();
		Path dataDir = Files.createTempDirectory("backstory-bench");
		try (ConfigurableApplicationContext app = BenchmarkApp.start(database, dataDir, false,
				"--backstory.base-url=https://news.example.com", "--backstory.mail.host=" + host,
				"--backstory.mail.port=" + port, "--backstory.mail.starttls=false",
				"--backstory.newsletters.connections=" + connections, "--backstory.newsletters.idle-poll=100ms")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Clock clock = app.getBean(Clock.class);
			NewsletterSends sends = app.getBean(NewsletterSends.class);
			Newsletter newsletter = app.getBean(Newsletters.class).create(NewsletterFixtures.settings());
			Plan plan = app.getBean(PlanCatalog.class).createPlan(BillingFixtures.newPlan());
			long first = 1L << 40;
			int paying = count / 5;
			long seeding = System.nanoTime();
			DueSubscriptions.seed(jdbc, plan.code(), first, paying, clock.instant());
			// Paid through next month: otherwise the renewal run charges them and mails
			// their receipts to the same sink during the send.
			jdbc.sql("""
					update billing.subscription set current_period_end = current_period_end + interval '2 months',
					  due_at = due_at + interval '2 months'
					where member_id between :first and :last""")
				.param("first", first)
				.param("last", first + paying - 1)
				.update();
			SeededMembers.seed(jdbc, first + paying, count - paying, "bench.example.com", clock.instant());
			SeededMembers.optIn(app.getBean(OptIns.class), newsletter.id(), first, count);
			jdbc.sql("analyze").update();
			ArticleDraft draft = new ArticleFixtures(app.getBean(ArticleEditor.class),
					app.getBean(SystemPublisher.class), app.getBean(TaxonomyCreator.class))
				.published(Visibility.paid());
			System.out.printf(Locale.ROOT, "seeded %d members (%d paying) in %.1f s%n", count, paying,
					(System.nanoTime() - seeding) / 1e9);

			String signing = System.getenv("BACKSTORY_DKIM_DOMAIN") == null ? "off" : "on";
			System.out.println("load average before the send: " + CpuTimes.loadAverage());
			Recording profile = profileOfTheSend();
			CpuTimes before = CpuTimes.now(jdbc);
			long start = System.nanoTime();
			long send = sends.schedule(draft.id(), newsletter.id(), Audience.ALL, clock.instant(), null);
			Await.until("the send is done", Duration.ofMinutes(30),
					() -> sends.find(send).map(s -> s.status() == SendStatus.SENT).orElse(false));
			double seconds = (System.nanoTime() - start) / 1e9;
			CpuTimes used = CpuTimes.now(jdbc).since(before);
			if (profile != null) {
				Path file = Path.of(System.getenv("BENCH_JFR"), "newsletters-dkim-" + signing + ".jfr");
				profile.dump(file);
				profile.close();
				System.out.println("profile of the send: " + file);
			}
			System.out.println("load average after the send: " + CpuTimes.loadAverage());

			SendTally tally = sends.tally(send);
			Send done = sends.find(send).orElseThrow();
			double mailing = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1e3;
			System.out.printf(Locale.ROOT,
					"sent: %d sent, %d failed, %d pending; recipients fixed and editions rendered in %.1f s%n",
					tally.sent(), tally.failed(), tally.pending(), seconds - mailing);
			System.out.printf(Locale.ROOT,
					"RESULT dkim=%s messages=%d connections=%d seconds=%.1f messages_per_second=%.0f"
							+ " app_cpu_us_per_message=%.0f postgres_cpu_us_per_message=%.0f%n",
					signing, tally.sent(), connections, seconds, tally.sent() / seconds,
					used.jvmNanos() / 1e3 / tally.sent(), used.postgresNanos() / 1e3 / tally.sent());
			if (tally.sent() != count) {
				System.out.println("FAILED: not every member was sent the newsletter");
				System.exit(1);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * A JFR recording (the JDK's "profile" settings) of the send alone, when
	 * {@code BENCH_JFR} names a directory for it.
	 */
	private static @Nullable Recording profileOfTheSend() throws IOException, ParseException {
		if (System.getenv("BENCH_JFR") == null) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.start();
		return recording;
	}

}
