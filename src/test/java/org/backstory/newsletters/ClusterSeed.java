package org.backstory.newsletters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.backstory.BackstoryApplication;
import org.backstory.billing.BillingFixtures;
import org.backstory.billing.DueSubscriptions;
import org.backstory.billing.Plan;
import org.backstory.billing.PlanCatalog;
import org.backstory.publishing.ArticleDraft;
import org.backstory.publishing.ArticleEditor;
import org.backstory.publishing.ArticleFixtures;
import org.backstory.publishing.SystemPublisher;
import org.backstory.publishing.TaxonomyCreator;
import org.backstory.publishing.Visibility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.FileSystemUtils;

/**
 * Seeds the work of the cluster benchmark (bench/cluster.sh) into the cluster's running
 * database and leaves it to the nodes: {@code recipients} free members opted into a new
 * newsletter, a paid article whose send to all of them starts {@code delay} seconds after
 * the seeding (a db-scheduler task, so whichever node's scheduler comes first starts it),
 * and {@code renewals} monthly subscriptions on sandbox cards that fall due at the same
 * time. Prints one {@code SEEDED} line with the ids and the time the script goes by. Runs
 * the app on a random loopback port and exits long before that time.
 *
 * <p>
 * Arguments: JDBC URL, user, password, recipients, renewals, delay (seconds), and
 * optionally rounds (1): that many such sends and sets of subscriptions, one
 * {@code SEEDED} line each (bench/soak.sh brings one round forward every few minutes).
 */
public final class ClusterSeed {

	private ClusterSeed() {
	}

	public static void main(String[] args) throws Exception {
		int recipients = Integer.parseInt(args[3]);
		int renewals = Integer.parseInt(args[4]);
		long delay = Long.parseLong(args[5]);
		int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 1;
		Path dataDir = Files.createTempDirectory("backstory-cluster-seed");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BackstoryApplication.class).run(
				"--backstory.database.url=" + args[0], "--backstory.database.username=" + args[1],
				"--backstory.database.password=" + args[2], "--backstory.data-dir=" + dataDir, "--backstory.demo=false",
				"--server.port=0", "--server.address=127.0.0.1", "--logging.level.org.backstory=WARN",
				"--logging.level.com.github.kagkarlsson=WARN", "--backstory.newsletters.connections=1")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Clock clock = app.getBean(Clock.class);
			Plan plan = app.getBean(PlanCatalog.class).createPlan(BillingFixtures.newPlan());
			for (int round = 0; round < rounds; round++) {
				seedRound(app, jdbc, clock, plan, round, recipients, renewals, delay);
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * One round: its own due subscriptions, newsletter, readers, article and send, with
	 * member ids of its own.
	 */
	private static void seedRound(ConfigurableApplicationContext app, JdbcClient jdbc, Clock clock, Plan plan,
			int round, int recipients, int renewals, long delay) {
		long firstPayer = (1L << 40) + (long) round * (renewals + recipients);
		long firstReader = firstPayer + renewals;
		// One transaction: the nodes' renewal runs must not see them due before the time.
		app.getBean(TransactionOperations.class).executeWithoutResult(status -> {
			DueSubscriptions.seed(jdbc, plan.code(), firstPayer, renewals, clock.instant());
			DueSubscriptions.dueAt(jdbc, firstPayer, renewals, clock.instant().plusSeconds(3600));
		});
		Newsletter newsletter = app.getBean(Newsletters.class).create(NewsletterFixtures.settings());
		SeededMembers.seed(jdbc, firstReader, recipients, "round" + round + ".cluster.example.com", clock.instant());
		SeededMembers.optIn(app.getBean(OptIns.class), newsletter.id(), firstReader, recipients);
		jdbc.sql("analyze").update();
		ArticleDraft draft = new ArticleFixtures(app.getBean(ArticleEditor.class), app.getBean(SystemPublisher.class),
				app.getBean(TaxonomyCreator.class))
			.published(Visibility.paid());
		Instant startAt = clock.instant().plusSeconds(delay);
		DueSubscriptions.dueAt(jdbc, firstPayer, renewals, startAt);
		long send = app.getBean(NewsletterSends.class)
			.schedule(draft.id(), newsletter.id(), Audience.ALL, startAt, null);
		System.out.printf(Locale.ROOT,
				"SEEDED round=%d send=%d first_payer=%d renewals=%d first_reader=%d recipients=%d start_at=%d%n", round,
				send, firstPayer, renewals, firstReader, recipients, startAt.getEpochSecond());
	}

}
