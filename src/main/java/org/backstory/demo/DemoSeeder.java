package org.backstory.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.backstory.billing.BillingInterval;
import org.backstory.billing.ImportedSubscription;
import org.backstory.billing.NewPlan;
import org.backstory.billing.PlanCatalog;
import org.backstory.billing.SandboxCards;
import org.backstory.billing.SubscriptionService;
import org.backstory.billing.SubscriptionStatus;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberRole;
import org.backstory.members.NewAccount;
import org.backstory.publishing.ArticleCatalog;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo publication and accounts at start-up: into an empty embedded database by default, into
 * any empty database with {@code BACKSTORY_DEMO=true}, never with {@code false}. All of it happens in one
 * transaction under a database lock, so two nodes starting together seed once, and a failure seeds nothing.
 */
@Component
class DemoSeeder implements ApplicationRunner {

	static final String PASSWORD = "demo-password";

	static final String OWNER = "owner@demo.test";

	static final List<String> ACCOUNTS = List.of(OWNER, "editor@demo.test", "reader@demo.test",
			"subscriber@demo.test", "lapsed@demo.test");

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final BackstoryProperties properties;

	private final DatabaseMode database;

	private final MemberDirectory members;

	private final ArticleCatalog catalog;

	private final DemoPublication publication;

	private final DemoNewsletters newsletters;

	private final PlanCatalog plans;

	private final SubscriptionService subscriptions;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoSeeder(BackstoryProperties properties, DatabaseMode database, MemberDirectory members, ArticleCatalog catalog,
			DemoPublication publication, DemoNewsletters newsletters, PlanCatalog plans, SubscriptionService subscriptions,
			TransactionTemplate transactions, JdbcClient jdbc, Clock clock) {
		this.properties = properties;
		this.database = database;
		this.members = members;
		this.catalog = catalog;
		this.publication = publication;
		this.newsletters = newsletters;
		this.plans = plans;
		this.subscriptions = subscriptions;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean wanted = properties.demo() != null ? properties.demo() : database.embedded();
		if (!wanted) {
			return;
		}
		boolean seeded = Boolean.TRUE.equals(transactions.execute(status -> seedIfEmpty()));
		if (seeded) {
			log.info("""
					Demo publication seeded. Sign in at {} with password '{}' as:
					  {} (owner), admin@demo.test (administrator), editor@demo.test (editor),
					  author@demo.test (author), contributor@demo.test (contributor), reader@demo.test (free member),
					  subscriber@demo.test (paid, active), lapsed@demo.test (paid, past due beyond grace, card declined)""",
					properties.link("/login"), PASSWORD, OWNER);
		}
	}

	private boolean seedIfEmpty() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('backstory-demo-seed'))").query((rs, row) -> 1).list();
		boolean empty = members.findByEmail(OWNER).isEmpty() && catalog.latest(1, 0).isEmpty();
		if (empty) {
			publication.seed(DemoContent.load());
			seedAccounts();
		}
		// Also a demo database seeded before there were newsletters; never someone else's publication.
		if (members.findByEmail(OWNER).isPresent()) {
			newsletters.seedIfNone(ACCOUNTS);
		}
		return empty;
	}

	private void seedAccounts() {
		account(OWNER, "Olivia Owner", MemberRole.OWNER);
		account("admin@demo.test", "Ada Administrator", MemberRole.ADMINISTRATOR);
		account("editor@demo.test", "Eddie Editor", MemberRole.EDITOR);
		account("author@demo.test", "Arun Author", MemberRole.AUTHOR);
		account("contributor@demo.test", "Cora Contributor", MemberRole.CONTRIBUTOR);
		account("reader@demo.test", "Rosa Reader", MemberRole.MEMBER);
		plans.createPlan(new NewPlan("supporter", "Supporter", "supporter",
				"Every explainer in full, the storyline archive, and the weekly briefing.", "USD", 800, 8000, 1));
		Instant now = clock.instant();
		Duration month = Duration.ofDays(30);
		long subscriber = account("subscriber@demo.test", "Sam Subscriber", MemberRole.MEMBER);
		subscriptions.importSubscription(new ImportedSubscription(subscriber, "supporter", BillingInterval.MONTH,
				SubscriptionStatus.ACTIVE, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)).plus(month),
				null, SandboxCards.VISA));
		long lapsed = account("lapsed@demo.test", "Lee Lapsed", MemberRole.MEMBER);
		Instant failedRenewal = now.minus(Duration.ofDays(12));
		subscriptions.importSubscription(new ImportedSubscription(lapsed, "supporter", BillingInterval.MONTH,
				SubscriptionStatus.PAST_DUE, failedRenewal.minus(month), failedRenewal, failedRenewal,
				SandboxCards.VISA_CHARGES_FAIL));
	}

	private long account(String email, String name, MemberRole role) {
		return members.createAccount(new NewAccount(email, name, PASSWORD, role, true));
	}

}
